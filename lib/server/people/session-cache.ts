import "server-only";
import { LRUCache } from "lru-cache";
import { processSingleton } from "@/lib/server/process-singleton";
import type { SessionUser } from "./sessions";

// Every API poll checks its session. Decrypting the cookie and reading the sessions row each time
// cost more than the batch itself, so both results are kept briefly, for GETs only (writes and
// pages read the row). Revoking, removing or changing a role in this process clears the user
// cache at once; another instance's GETs follow within USER_TTL_MS.
export const USER_TTL_MS = 2_000;

type Caches = {
  sessionIdByToken: LRUCache<string, string>;
  userBySessionId: LRUCache<string, SessionUser | false>;
};

export function getSessionCaches(): Caches {
  return processSingleton("people:session-caches", (): Caches => ({
    // The token decrypts to the same session id for its whole life; the sessions row decides validity.
    sessionIdByToken: new LRUCache({ max: 10_000, ttl: 10 * 60_000 }),
    userBySessionId: new LRUCache({ max: 10_000, ttl: USER_TTL_MS }),
  }));
}

export function forgetCachedSessionUsers(): void {
  getSessionCaches().userBySessionId.clear();
}
