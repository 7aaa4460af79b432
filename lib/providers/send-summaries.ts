import "server-only";
import type { BatchSnapshot, BatchState } from "@/lib/batch-snapshot";
import type { SendSummary } from "@/lib/send-summary";

/** The list line of a batch, read off the snapshot the batch transform made of it. */
export function summaryOf(snapshot: BatchSnapshot, name: string | null): SendSummary {
  const { provider, batchId, state, providerStatus, total, processed, createdAt, scheduledAt } =
    snapshot;
  return {
    provider,
    batchId,
    name,
    state,
    providerStatus,
    total,
    processed,
    createdAt,
    scheduledAt,
  };
}

export function withState(summaries: SendSummary[], state: BatchState | undefined): SendSummary[] {
  return state === undefined ? summaries : summaries.filter((summary) => summary.state === state);
}

/** Newest first; a send without a creation time goes last. */
export function newestFirst(summaries: SendSummary[]): SendSummary[] {
  const time = (summary: SendSummary) =>
    summary.createdAt === null ? -Infinity : Date.parse(summary.createdAt);
  return [...summaries].sort((a, b) => time(b) - time(a) || 0);
}
