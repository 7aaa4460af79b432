import "server-only";
import { z } from "zod";
import { lenientCount, lenientNumber, lenientString, lenientTimestamp } from "../lenient";
import { countField, optionalObject } from "../payload";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// GET /v2/agent/all and GET /batches/{agent_id}/all answer bare arrays; Bolna's own MCP server
// also accepts {data: [...]}, so a list arriving in that envelope is read too.
export const bolnaListSchema = z.preprocess(
  (value) => (isRecord(value) && Array.isArray(value.data) ? value.data : value),
  z.array(z.unknown()),
);

// A subset of AgentV2: what a picker shows.
export const bolnaAgentSchema = z.object({
  id: z.string().min(1),
  agent_name: lenientString,
  agent_status: lenientString,
  created_at: lenientTimestamp,
});

export const bolnaBatchIdSchema = z.object({ batch_id: z.string().min(1) });

// GET /batches/{id}/executions: a bare array in the OpenAPI, a paged envelope per Bolna's own
// skill text ({data, has_more, total, page_number, page_size}, like the agent executions).
export const bolnaExecutionsSchema = z.union([
  z.array(z.unknown()),
  z.object({
    data: z.array(z.unknown()),
    has_more: z.boolean().nullable().catch(null),
    total: countField.optional(),
    page_size: countField.optional(),
  }),
]);

// One call. Only what a recipient row shows is read: transcripts, recordings (presigned URLs),
// extracted data and the CSV's other columns stay out.
export const bolnaExecutionSchema = z.object({
  id: lenientString,
  status: z.string().min(1),
  error_message: lenientString,
  conversation_duration: lenientNumber,
  // Older payloads call it conversation_time.
  conversation_time: lenientNumber,
  answered_by_voice_mail: z.boolean().nullable().catch(null),
  created_at: lenientTimestamp,
  updated_at: lenientTimestamp,
  telephony_data: optionalObject({
    to_number: lenientString,
    from_number: lenientString,
    duration: lenientNumber,
    hangup_by: lenientString,
    hangup_reason: lenientString,
  }),
  context_details: optionalObject({ recipient_phone_number: lenientString }),
  batch_run_details: optionalObject({ retried: lenientCount }),
});

export type BolnaExecution = z.output<typeof bolnaExecutionSchema>;
