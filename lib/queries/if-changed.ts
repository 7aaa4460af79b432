import { replaceEqualDeep } from "@tanstack/react-query";
import type { ZodMiniType } from "zod/mini";
import { requestJsonIfChanged } from "@/lib/api-client";

// The ETag of each answer a query holds, kept beside the object rather than in it, so the data
// keeps the shape its schema gives it.
const etags = new WeakMap<object, string>();

/**
 * The answer at `path`, asking with the ETag of `previous` (an answer this returned before): on
 * 304 `previous` itself, so the query records a success (dataUpdatedAt: we heard from the server)
 * with nothing new to draw.
 */
export async function fetchIfChanged<T extends object>(
  path: string,
  schema: ZodMiniType<T>,
  previous: T | undefined,
  signal: AbortSignal,
): Promise<T> {
  const etag = previous ? (etags.get(previous) ?? null) : null;
  const answer = await requestJsonIfChanged(path, schema, etag, { signal });
  if (!answer.modified) return previous!;
  if (answer.etag) etags.set(answer.data, answer.etag);
  return answer.data;
}

/** Structural sharing that keeps the answer's ETag on whichever object the query ends up holding. */
export function shareKeepingEtag(previous: unknown, next: unknown): unknown {
  const shared = replaceEqualDeep(previous, next);
  const etag = typeof next === "object" && next !== null ? etags.get(next) : undefined;
  if (etag && typeof shared === "object" && shared !== null) etags.set(shared, etag);
  return shared;
}
