import type { BatchSnapshot } from "@/lib/batch-snapshot";

/** A running batch about which nothing else is known; tests set what they are about. */
export function blankSnapshot(overrides: Partial<BatchSnapshot> = {}): BatchSnapshot {
  return {
    provider: "migma",
    batchId: "b",
    name: null,
    state: "running",
    providerStatus: null,
    total: null,
    processed: 0,
    progress: null,
    counts: [],
    funnel: null,
    etaSeconds: null,
    createdAt: null,
    startedAt: null,
    completedAt: null,
    scheduledAt: null,
    updatedAt: null,
    fetchedAt: "2026-01-01T00:00:00Z",
    stale: false,
    notes: [],
    details: {},
    reason: null,
    ...overrides,
  };
}
