// The providers' documented example payloads, kept as text so they go out byte for byte.

/** Bolna's GET /batches/{batch_id} example, invalid `04:22:89Z` timestamp and all. */
export const BOLNA_DOCS_EXAMPLE = `{
  "batch_id": "3c90c3cc0d444b5088888dd25736052a",
  "humanized_created_at": "5 minutes ago",
  "created_at": "2024-01-23T05:14:37Z",
  "updated_at": "2024-02-29T04:22:89Z",
  "status": "scheduled",
  "scheduled_at": "2024-01-29T08:30:00Z",
  "from_phone_number": "+19876543007",
  "file_name": "customers.csv",
  "valid_contacts": 7,
  "total_contacts": 11,
  "execution_status": {
    "completed": 1,
    "ringing": 10,
    "in-progress": 15
  }
}`;

/** Mindo's "200 - Completed" example for GET /api/v1/meta-templates/bulk-sends/{id}/. */
export const MINDO_DOCS_EXAMPLE = `{
  "id": "a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c",
  "status": "COMPLETED",
  "template": {
    "id": 45,
    "template_name": "welcome_message",
    "language": "es",
    "status": "APPROVED"
  },
  "phone_number": {
    "id": 123,
    "display_phone_number": "+54 9 223 675-0780",
    "verified_name": "Mindo Software"
  },
  "total_recipients": 3,
  "sent_count": 3,
  "delivered_count": 2,
  "read_count": 1,
  "failed_count": 0,
  "pending_count": 0,
  "progress_percentage": 100.0,
  "estimated_time_minutes": 0.4,
  "started_at": "2025-11-16T21:30:05Z",
  "completed_at": "2025-11-16T21:30:28Z",
  "created_at": "2025-11-16T21:30:00Z",
  "created_by": {
    "id": 1,
    "email": "user@example.com",
    "first_name": "John",
    "last_name": "Doe"
  }
}`;

/**
 * Migma's GET /v1/sending/batches/{batchId} example: the docs show only placeholders ("string",
 * 0), so this is the same shape and timestamps filled in the way a real answer would be.
 */
export const MIGMA_DOCS_EXAMPLE = `{
  "success": true,
  "data": {
    "batchId": "sim-docs-example",
    "status": "completed",
    "recipientType": "audience",
    "recipientId": "aud_7Hq2mXb9LpT4",
    "provider": "ses",
    "totalCount": 1250,
    "queuedCount": 0,
    "sentCount": 1250,
    "failedCount": 0,
    "from": "news@northwind.example",
    "fromName": "Northwind Outfitters",
    "subject": "Your November picks are here",
    "createdAt": "2023-11-07T05:31:56Z",
    "updatedAt": "2023-11-07T05:31:56Z",
    "error": null
  },
  "error": null
}`;
