import "server-only";
import { randomUUID } from "node:crypto";
import type { ApiToken, CreateApiTokenInput, CreatedApiToken } from "@/lib/api-token";
import { AppError } from "@/lib/errors";
import { assertCanOrAudit, recordAudit } from "@/lib/server/audit";
import { getLogger } from "@/lib/server/logger";
import { assertCan } from "@/lib/server/security/permissions";
import { hashToken } from "@/lib/server/security/tokens";
import type { ServiceContext } from "@/lib/server/service-context";
import { apiTokenExpiresAt } from "./token-expiry";
import { createApiTokenSecret, lastFourOf } from "./token-format";
import { teamTokenRows, toApiTokens } from "./token-rows";

/** The token leaves this function once, in its answer; only its hash and last four are stored. */
export async function createApiToken(
  ctx: ServiceContext,
  input: CreateApiTokenInput,
  now = new Date(),
): Promise<CreatedApiToken> {
  const { db, actor } = ctx;
  await assertCanOrAudit(ctx, "tokens:manage", { action: "token.create", target: { id: null, label: input.name }, details: { role: input.role } }, now);
  const expiresAt = apiTokenExpiresAt(now, input);
  const token = createApiTokenSecret();
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("api_tokens")
      .values({
        id,
        team_id: actor.teamId,
        name: input.name,
        role: input.role,
        hash: hashToken(token),
        last4: lastFourOf(token),
        created_by: actor.id,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
        rate_window_start: null,
        refusal_audited_at: null,
      })
      .execute();
    await recordAudit(
      { ...ctx, db: trx },
      { action: "token.create", target: { id, label: input.name }, details: { role: input.role, expiresAt } },
      now,
    );
  });
  getLogger().info({ tokenId: id, role: input.role }, "api token: created");
  const [item] = toApiTokens(await teamTokenRows(db, actor.teamId).where("t.id", "=", id).execute());
  if (!item) throw new AppError("internal", "The token was created but cannot be read back.");
  return { id, token, item };
}

/** Every token of the team, revoked and expired ones included, newest first (admins only). */
export async function listApiTokens({ db, actor }: ServiceContext): Promise<ApiToken[]> {
  assertCan(actor, "tokens:manage");
  return toApiTokens(await teamTokenRows(db, actor.teamId).execute());
}

/**
 * Takes effect on the token's next use on every instance: each use reads the row. Revoking twice
 * is fine and keeps the first time; another team's token is not found.
 */
export async function revokeApiToken(
  ctx: ServiceContext,
  { tokenId }: { tokenId: string },
  now = new Date(),
): Promise<void> {
  const { db, actor } = ctx;
  await assertCanOrAudit(ctx, "tokens:manage", { action: "token.revoke", target: { id: tokenId, label: null } }, now);
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "role", "revoked_at"])
    .where("id", "=", tokenId)
    .where("team_id", "=", actor.teamId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", "This API token does not exist.");
  if (row.revoked_at !== null) return;
  await db.transaction().execute(async (trx) => {
    // Two revokes at once: the second changes nothing, so only the first is recorded.
    const revoked = await trx
      .updateTable("api_tokens")
      .set({ revoked_at: now.toISOString() })
      .where("id", "=", row.id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (revoked.numUpdatedRows === BigInt(0)) return;
    await recordAudit({ ...ctx, db: trx }, { action: "token.revoke", target: { id: row.id, label: row.name }, details: { role: row.role } }, now);
  });
  getLogger().info({ tokenId: row.id }, "api token: revoked");
}
