import "server-only";
import { LRUCache } from "lru-cache";
import { processSingleton } from "@/lib/server/process-singleton";
import type { ResolvedConnection } from "./resolved-connection";

// Every API poll resolves its connection, and the row changes only when an admin edits it, so the
// answer is kept briefly. An edit in this process clears it at once; another instance notices
// within CONNECTION_TTL_MS (as with sessions, see people/session-cache.ts). Only the encrypted key
// is held: it is decrypted when a call reads it.
export const CONNECTION_TTL_MS = 2_000;

type Cache = LRUCache<string, ResolvedConnection>;

export function resolvedConnectionCache(): Cache {
  return processSingleton("connections:resolved", (): Cache => new LRUCache({ max: 10_000, ttl: CONNECTION_TTL_MS }));
}

export function forgetResolvedConnections(): void {
  resolvedConnectionCache().clear();
}
