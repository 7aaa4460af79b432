import "server-only";
import { z } from "zod";
import { lenientString, lenientTimestamp } from "../lenient";
import { countField } from "../payload";

const optionalStatus = z.string().nullish();

// GET /batches/{id}. Bolna's own monitor reads `status` or `state`; one of them must be a string.
export const bolnaBatchSchema = z
  .object({
    batch_id: lenientString,
    status: optionalStatus,
    state: optionalStatus,
    created_at: lenientTimestamp,
    updated_at: lenientTimestamp,
    scheduled_at: lenientTimestamp,
    from_phone_number: lenientString,
    from_phone_numbers: z.array(z.string()).nullable().catch(null),
    file_name: lenientString,
    valid_contacts: countField,
    total_contacts: countField,
    // call status → count; only statuses with calls appear
    execution_status: z.preprocess((value) => value ?? {}, z.record(z.string(), countField)),
  })
  .transform(({ status, state, ...batch }, context) => {
    const batchStatus = status ?? state;
    if (batchStatus === null || batchStatus === undefined) {
      context.addIssue({ code: "custom", message: "missing status" });
      return z.NEVER;
    }
    return { ...batch, status: batchStatus };
  });

export type BolnaBatch = z.output<typeof bolnaBatchSchema>;
