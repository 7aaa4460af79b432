import "server-only";
import type { BatchLabelResponse } from "@/lib/batch-label";
import { labelOrNull } from "@/lib/batch-label";
import { AppError } from "@/lib/errors";
import { checkBatchId } from "@/lib/providers/batch-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import { storedConnectionIdFor } from "../connections";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";
import { findBatchLabel, saveBatchLabel, type LabelKey } from "./batch-labels";

/** A batch as its page, a watched row or a board card names it; the team's default connection when none is named. */
export type LabelledBatch = { provider: ProviderId; batchId: string; connectionId?: string };

async function labelKeyOf({ db, actor }: ServiceContext, batch: LabelledBatch): Promise<LabelKey> {
  const checked = checkBatchId(batch.provider, batch.batchId);
  if (!checked.ok) throw new AppError("invalid_batch_id", checked.reason);
  const connectionId = await storedConnectionIdFor(
    db,
    actor.teamId,
    batch.provider,
    batch.connectionId,
  );
  return { teamId: actor.teamId, connectionId, provider: batch.provider, batchId: checked.batchId };
}

export async function getBatchLabel(
  ctx: ServiceContext,
  batch: LabelledBatch,
): Promise<BatchLabelResponse> {
  assertCan(ctx.actor, "batches:read");
  return { label: await findBatchLabel(ctx.db, await labelKeyOf(ctx, batch)) };
}

/** Renames a batch for the whole team; a blank label clears it, and the provider's name shows again. */
export async function setBatchLabel(
  ctx: ServiceContext,
  { label, ...batch }: LabelledBatch & { label: string | null },
  now = new Date(),
): Promise<BatchLabelResponse> {
  assertCan(ctx.actor, "batches:label");
  const key = await labelKeyOf(ctx, batch);
  const saved = labelOrNull(label);
  await saveBatchLabel(ctx.db, key, saved, now);
  return { label: saved };
}
