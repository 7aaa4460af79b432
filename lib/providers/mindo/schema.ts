import "server-only";
import { z } from "zod";
import { lenientNumber, lenientString, lenientTimestamp } from "../lenient";
import { countField, optionalObject } from "../payload";

// GET /api/v1/meta-templates/bulk-sends/{id}/ — list items omit estimated_time_minutes,
// started_at and created_by, so everything but the status may be missing.
export const mindoBulkSendSchema = z.object({
  id: lenientString,
  status: z.string(),
  template: optionalObject({
    template_name: lenientString,
    language: lenientString,
    status: lenientString,
  }),
  phone_number: optionalObject({
    display_phone_number: lenientString,
    verified_name: lenientString,
  }),
  total_recipients: countField,
  sent_count: countField,
  delivered_count: countField,
  read_count: countField,
  failed_count: countField,
  pending_count: countField,
  progress_percentage: lenientNumber,
  estimated_time_minutes: lenientNumber,
  started_at: lenientTimestamp,
  completed_at: lenientTimestamp,
  created_at: lenientTimestamp,
  created_by: optionalObject({
    email: lenientString,
    first_name: lenientString,
    last_name: lenientString,
  }),
});

export type MindoBulkSend = z.output<typeof mindoBulkSendSchema>;
