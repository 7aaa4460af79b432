import { readFileSync } from "node:fs";

// The providers' documented example payloads, read as text from the adapters' fixtures so they go
// out byte for byte (Mindo's `100.0` would not survive JSON.parse).
function fixture(path: string): string {
  return readFileSync(new URL(`../lib/providers/${path}`, import.meta.url), "utf8").replace(/\n$/, "");
}

/** Bolna's GET /batches/{batch_id} example, invalid `04:22:89Z` timestamp and all. */
export const BOLNA_DOCS_EXAMPLE = fixture("bolna/fixtures/docs-example.json");

/** Mindo's "200 - Completed" example for GET /api/v1/meta-templates/bulk-sends/{id}/. */
export const MINDO_DOCS_EXAMPLE = fixture("mindo/fixtures/docs-completed.json");

/**
 * Migma's GET /v1/sending/batches/{batchId} example: the docs show only placeholders ("string",
 * 0), so this is the same shape and timestamps filled in the way a real answer would be.
 */
export const MIGMA_DOCS_EXAMPLE = fixture("migma/fixtures/docs-example-filled-in.json");
