import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { progressOf } from "@/lib/providers/lenient";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { toHistoryPoint, type HistoryPoint } from "./history-point";

export const T0 = Date.parse("2026-03-01T12:00:00.000Z");
export const KEY = "conn-1:mindo:00000000-0000-4000-8000-000000000002";

/** A running Mindo-like snapshot `seconds` after T0; counts follow `processed` unless given. */
export function snapshotAt(seconds: number, overrides: Partial<BatchSnapshot> = {}): BatchSnapshot {
  const processed = overrides.processed ?? 0;
  const total = overrides.total === undefined ? 1_000 : overrides.total;
  return blankSnapshot({
    provider: "mindo",
    batchId: "00000000-0000-4000-8000-000000000002",
    state: "running",
    providerStatus: "IN_PROGRESS",
    total,
    processed,
    progress: progressOf(processed, total),
    counts: [
      {
        status: "pending",
        label: "Pending",
        count: Math.max(0, (total ?? processed) - processed),
        outcome: "pending",
      },
      { status: "sent", label: "Sent", count: processed, outcome: "success" },
    ],
    fetchedAt: new Date(T0 + seconds * 1_000).toISOString(),
    ...overrides,
  });
}

export function pointAt(seconds: number, overrides: Partial<BatchSnapshot> = {}): HistoryPoint {
  return toHistoryPoint(snapshotAt(seconds, overrides));
}
