import "server-only";
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import { frameOriginSchema } from "@/lib/frame-origin";
import { getDb } from "@/lib/server/db/database";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import { processSingleton } from "@/lib/server/process-singleton";
import { hashToken, isExpired, isTokenShaped } from "@/lib/server/security/tokens";

// proxy.ts asks this on every load of /s/{token}, before the page reads the link again, so the
// answer is kept briefly. Revoking in this process forgets it at once; another instance within
// FRAME_ANCESTORS_TTL_MS, and the page itself says "revoked" from the first load anyway.
export const FRAME_ANCESTORS_TTL_MS = 30_000;

type Answer = { origin: string | null };

// proxy.ts and the route handlers are separate bundles of one process: one cache for both.
function answers(): LRUCache<string, Answer> {
  return processSingleton(
    "share-links:frame-ancestors",
    () => new LRUCache<string, Answer>({ max: 10_000, ttl: FRAME_ANCESTORS_TTL_MS }),
  );
}

/**
 * The one origin that may frame this share link's page, or null for `frame-ancestors 'none'`:
 * unknown, revoked or expired links, links without one, and any database failure (fail closed).
 */
export async function frameAncestorsForShareToken(
  token: string,
  now = new Date(),
  openDb: () => Promise<Kysely<Database>> = getDb,
): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const tokenHash = hashToken(token);
  const cached = answers().get(tokenHash);
  if (cached) return cached.origin;
  try {
    const db = await openDb();
    const row = await db
      .selectFrom("share_links")
      .select(["frame_origin", "revoked_at", "expires_at"])
      .where("token_hash", "=", tokenHash)
      .executeTakeFirst();
    const valid = row !== undefined && row.revoked_at === null && !isExpired(row.expires_at, now);
    // Checked again on the way out: whatever the row says, only a bare origin reaches the header.
    const parsed =
      valid && row.frame_origin !== null ? frameOriginSchema.safeParse(row.frame_origin) : null;
    const origin = parsed?.success ? parsed.data : null;
    answers().set(
      tokenHash,
      { origin },
      { ttl: ttlUntilExpiry(origin, row?.expires_at ?? null, now) },
    );
    return origin;
  } catch (error) {
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    getLogger().warn(
      { code: typeof code === "string" ? code : undefined },
      "share link frame lookup failed; framing refused",
    );
    return null;
  }
}

/** An allowed origin is never remembered past the link's expiry. */
function ttlUntilExpiry(origin: string | null, expiresAt: string | null, now: Date): number {
  if (origin === null || expiresAt === null) return FRAME_ANCESTORS_TTL_MS;
  return Math.max(1, Math.min(FRAME_ANCESTORS_TTL_MS, Date.parse(expiresAt) - now.getTime()));
}

export function forgetFrameAncestors(tokenHash: string): void {
  answers().delete(tokenHash);
}
