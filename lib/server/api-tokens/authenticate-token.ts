import "server-only";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/server/audit";
import { errorName, getLogger } from "@/lib/server/logger";
import type { Actor } from "@/lib/server/security/permissions";
import { hashToken, isExpired, timingSafeEqualHex } from "@/lib/server/security/tokens";
import type { PublicContext } from "@/lib/server/service-context";
import { countTokenUse, TOKEN_RATE_LIMIT } from "./rate-limit";
import { tokenActor } from "./token-actor";
import { isApiTokenShaped } from "./token-format";

type TokenContext = PublicContext & { address?: string | null };

// A script retrying with a revoked token would write a refusal per request; one a minute per
// token says the same, and the conditional update lets one instance write it.
const REFUSAL_AUDIT_GAP_MS = 60_000;

const NOT_VALID = "This API token is not valid. Create a new one in settings → API tokens.";

/**
 * The actor behind `Authorization: Bearer sb_…`, or a 401. Every use reads the token's row by its
 * hash (a unique index), so a revocation or expiry holds from the next request on every instance;
 * the same write counts the use against the rate limit (429 with Retry-After past it).
 */
export async function authenticateApiToken(ctx: TokenContext, { token }: { token: string }, now = new Date()): Promise<Actor> {
  if (!isApiTokenShaped(token)) throw new AppError("unauthorized", NOT_VALID);
  const hash = hashToken(token);
  const row = await ctx.db
    .selectFrom("api_tokens")
    .select(["id", "team_id", "name", "role", "hash", "expires_at", "revoked_at"])
    .where("hash", "=", hash)
    .executeTakeFirst();
  // The index found it; the constant-time comparison keeps a loose collation from ever matching.
  if (!row || !timingSafeEqualHex(row.hash, hash)) throw new AppError("unauthorized", NOT_VALID);
  const actor = tokenActor(row);
  const refusal = row.revoked_at !== null ? "revoked" : isExpired(row.expires_at, now) ? "expired" : actor ? null : "unknown_role";
  if (refusal || !actor) {
    await auditRefusedUse(ctx, row, refusal ?? "unknown_role", now);
    throw new AppError("unauthorized", refusal === "expired" ? "This API token has expired." : "This API token was revoked.");
  }
  const retryAfterSeconds = await countTokenUse(ctx.db, row.id, now);
  if (retryAfterSeconds !== null) {
    getLogger().warn({ tokenId: row.id }, "api token: rate limited");
    throw new AppError(
      "token_rate_limited",
      `This API token made more than ${TOKEN_RATE_LIMIT.uses} requests in a minute. Wait ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  }
  return actor;
}

async function auditRefusedUse(
  ctx: TokenContext,
  row: { id: string; team_id: string; name: string; role: string },
  reason: string,
  now: Date,
): Promise<void> {
  getLogger().warn({ tokenId: row.id, reason }, "api token: refused use");
  const actor: Actor = tokenActor(row) ?? { id: row.id, teamId: row.team_id, role: "member", email: `${row.name} (API token)`, kind: "token" };
  const since = new Date(now.getTime() - REFUSAL_AUDIT_GAP_MS).toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("api_tokens")
        .set({ refusal_audited_at: now.toISOString() })
        .where("id", "=", row.id)
        .where((eb) => eb.or([eb("refusal_audited_at", "is", null), eb("refusal_audited_at", "<=", since)]))
        .executeTakeFirst();
      if (claimed.numUpdatedRows === BigInt(0)) return;
      await recordAudit(
        { db: trx, actor, address: ctx.address ?? null },
        { action: "token.use", target: { id: row.id, label: row.name }, outcome: "refused", details: { reason } },
        now,
      );
    });
  } catch (error) {
    // The refusal stands whether or not it could be recorded.
    getLogger().warn({ tokenId: row.id, errorName: errorName(error) }, "audit: could not record a refused token use");
  }
}
