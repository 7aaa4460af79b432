import { batchSnapshotSchema } from "@/lib/batch-snapshot";
import { isErrorCode } from "@/lib/errors";
import type { BatchLatestTable } from "@/lib/server/db/schema";
import type { SharedLatest } from "./coordinator";

// batch_latest rows <-> SharedLatest. Times are stored as ISO text, as everywhere in the schema.

const iso = (ms: number) => new Date(ms).toISOString();
const msOf = (text: string | null) => (text === null ? null : Date.parse(text));

export function toLatestRow(pollKey: string, latest: SharedLatest): BatchLatestTable {
  return {
    poll_key: pollKey,
    snapshot: latest.snapshot && JSON.stringify(latest.snapshot),
    fetched_at: latest.fetchedAt === null ? null : iso(latest.fetchedAt),
    next_poll_at: latest.nextPollAt === null ? null : iso(latest.nextPollAt),
    error: latest.error && JSON.stringify(latest.error),
    final: latest.final ? 1 : 0,
    tail_count: latest.tailCount,
    updated_at: iso(latest.updatedAt),
  };
}

/** Written by another process, perhaps another version: checked like any input. */
export function fromLatestRow(row: BatchLatestTable): SharedLatest {
  return {
    snapshot: parseSnapshot(row.snapshot),
    fetchedAt: msOf(row.fetched_at),
    error: parseError(row.error),
    nextPollAt: msOf(row.next_poll_at),
    final: Number(row.final) === 1,
    tailCount: row.tail_count === null ? null : Number(row.tail_count),
    updatedAt: Date.parse(row.updated_at),
  };
}

function parseSnapshot(text: string | null) {
  if (text === null) return null;
  const parsed = batchSnapshotSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

function parseError(text: string | null): SharedLatest["error"] {
  const value = text === null ? null : parseJson(text);
  if (typeof value !== "object" || value === null) return null;
  const { code, message, at } = value as Record<string, unknown>;
  if (typeof message !== "string" || typeof at !== "number") return null;
  return { code: isErrorCode(code) ? code : "internal", message, at };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
