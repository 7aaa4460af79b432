import "server-only";
import type { BatchHistory } from "@/lib/batch-history";
import { historyCsvFilename, readBatchHistory, readHistoryCsv } from "../history";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";
import type { BatchReadInput } from "./batch-view";
import { resolvePollKey } from "./poll-key";

/** The batch's stored progress, thinned for a chart. */
export async function getBatchHistory(
  ctx: ServiceContext,
  input: BatchReadInput,
): Promise<BatchHistory> {
  assertCan(ctx.actor, "batches:read");
  const { key } = await resolvePollKey(ctx.actor.teamId, input, input.connectionId);
  return readBatchHistory(ctx.db, key);
}

/** Every stored snapshot of the batch, as a CSV download. */
export async function getBatchHistoryCsv(
  ctx: ServiceContext,
  input: BatchReadInput,
): Promise<{ filename: string; csv: string }> {
  assertCan(ctx.actor, "batches:read");
  const { key } = await resolvePollKey(ctx.actor.teamId, input, input.connectionId);
  return { filename: historyCsvFilename(input), csv: await readHistoryCsv(ctx.db, key) };
}
