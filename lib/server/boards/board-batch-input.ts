import "server-only";
import type { Kysely } from "kysely";
import type { BoardBatchInput } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { Database } from "@/lib/server/db/schema";
import { storedConnectionIdFor } from "@/lib/server/connections";
import { assertTakesSendTime } from "@/lib/server/send-times";

export type PreparedBoardBatch = {
  connectionId: string;
  provider: ProviderId;
  batchId: string;
  label: string | null;
  sendAt: string | null;
};

/** Checks one requested batch the way the batch API would, before anything is written. */
export async function prepareBoardBatch(
  db: Kysely<Database>,
  teamId: string,
  input: BoardBatchInput,
): Promise<PreparedBoardBatch> {
  const checked = checkBatchId(input.provider, input.batchId);
  if (!checked.ok)
    throw new AppError("invalid_batch_id", `${input.batchId.slice(0, 80)}: ${checked.reason}`);
  if (input.sendAt) assertTakesSendTime(input.provider);
  const connectionId = await storedConnectionIdFor(db, teamId, input.provider, input.connectionId);
  const label = input.label?.trim();
  return {
    connectionId,
    provider: input.provider,
    batchId: checked.batchId,
    label: label ? label : null,
    sendAt: input.sendAt ?? null,
  };
}

export function boardBatchKey(batch: PreparedBoardBatch): string {
  return `${batch.connectionId}\u0000${batch.provider}\u0000${batch.batchId}`;
}
