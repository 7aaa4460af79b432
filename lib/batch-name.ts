// Every view names a batch the same way: the team's label, else what the provider calls it, else
// its id. The id stays on screen (small, monospace) whenever the name is something else.

export type NamedBatch = { batchId: string; label: string | null };

export function batchDisplayName(
  batch: NamedBatch,
  snapshot?: { name: string | null } | null,
): string {
  return batch.label ?? snapshot?.name ?? batch.batchId;
}

/** True when the name shown is not the id itself, so the id must be shown beside it. */
export function namedOtherThanId(
  batch: NamedBatch,
  snapshot?: { name: string | null } | null,
): boolean {
  return batchDisplayName(batch, snapshot) !== batch.batchId;
}
