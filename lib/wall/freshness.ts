import type { ApiErrorCode } from "@/lib/api-client";
import { numbersUpdatedAt, type BatchFreshness } from "@/lib/batch-freshness";
import type { BatchView } from "@/lib/batch-view";

export type WallFreshness = {
  stale: boolean;
  /** Sendboard itself could not be reached, rather than one provider lagging. */
  unreachable: boolean;
  /** The oldest moment the screen has been out of date since. */
  since: number | null;
  staleCount: number;
};

export function wallFreshness(
  batches: ReadonlyArray<Pick<BatchFreshness, "stale" | "since">>,
  descriptor: { dataUpdatedAt: number; errorCode: ApiErrorCode | null },
  batchErrors: ReadonlyArray<ApiErrorCode | null>,
): WallFreshness {
  const unreachable =
    descriptor.errorCode === "network_error" || batchErrors.includes("network_error");
  const sinces = batches.flatMap((batch) =>
    batch.stale && batch.since !== null ? [batch.since] : [],
  );
  if (descriptor.errorCode === "network_error") sinces.push(descriptor.dataUpdatedAt);
  const staleCount = batches.filter((batch) => batch.stale).length;
  return {
    stale: unreachable || staleCount > 0,
    unreachable,
    since: sinces.length > 0 ? Math.min(...sinces) : null,
    staleCount,
  };
}

/** What the wall's "Updated …" says: the age of the numbers, in step with the stale banner. */
export type WallUpdated = { kind: "none" } | { kind: "final" } | { kind: "at"; at: number };

/**
 * While anything is stale, the moment the stale banner names (the oldest numbers it is about), so
 * the corner never says "Updated 1 s ago" under it; otherwise the newest numbers of the batches
 * still changing. Final batches are done and do not age it.
 */
export function wallUpdated(views: ReadonlyArray<BatchView | undefined>, freshness: Pick<WallFreshness, "stale" | "since">): WallUpdated {
  if (freshness.stale && freshness.since !== null) return { kind: "at", at: freshness.since };
  const loaded = views.filter((view): view is BatchView => view !== undefined);
  const live = loaded.filter((view) => !view.polling?.final).flatMap((view) => numbersUpdatedAt(view) ?? []);
  if (live.length > 0) return { kind: "at", at: Math.max(...live) };
  return loaded.length > 0 && loaded.every((view) => view.polling?.final) ? { kind: "final" } : { kind: "none" };
}
