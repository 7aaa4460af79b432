import "server-only";
import { batchSnapshotSchema, type BatchSnapshot } from "@/lib/batch-snapshot";

/** A stored row's JSON back as a snapshot; null when it no longer reads (a schema change, a bad row). */
export function parseStoredSnapshot(data: string): BatchSnapshot | null {
  try {
    const parsed = batchSnapshotSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Stored times are always UTC ISO strings, so text order is time order in SQL. */
export function toStoredTime(iso: string, fallback: Date): string {
  const ms = Date.parse(iso);
  return new Date(Number.isNaN(ms) ? fallback.getTime() : ms).toISOString();
}
