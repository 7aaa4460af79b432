import "server-only";
import { randomUUID } from "node:crypto";
import type { BolnaHookStatus, CreatedBolnaHook } from "@/lib/bolna-hook";
import { AppError } from "@/lib/errors";
import { appOrigin } from "../app-url";
import { assertCanOrAudit, recordAudit } from "../audit";
import { resolveConnectionById, type ResolvedConnection } from "../connections";
import { getLogger } from "../logger";
import { assertCan } from "../security/permissions";
import { createShareToken, hashToken } from "../security/tokens";
import type { ServiceContext } from "../service-context";
import { parseAllowlist, storedAllowlist } from "./allowlist";
import { findConnectionHook, hookStatusOf } from "./hook-rows";

type ConnectionInput = { connectionId: string };

/** The path Bolna posts to; the token is the whole credential (Bolna signs nothing). */
export function bolnaHookUrl(token: string): string {
  return `${appOrigin()}/api/hooks/bolna/${token}`;
}

/**
 * Creates the connection's hook URL, or replaces its token: one upsert on the row, so the old
 * token's hash is gone the moment this commits and every instance refuses it on its next event
 * (each event reads the row by hash). The token leaves this function once, in its answer.
 */
export async function rotateBolnaHook(ctx: ServiceContext, { connectionId }: ConnectionInput, now = new Date()): Promise<CreatedBolnaHook> {
  const target = { id: connectionId, label: null };
  await assertCanOrAudit(ctx, "connections:manage", { action: "connection.update", target, details: { changed: "Bolna hook URL" } }, now);
  const connection = await bolnaConnection(ctx, connectionId);
  const token = createShareToken();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("bolna_hooks")
      .values({ id: randomUUID(), team_id: ctx.actor.teamId, connection_id: connection.id, token_hash: hashToken(token), created_at: at, rotated_at: at, last_event_at: null })
      .onConflict((conflict) => conflict.columns(["team_id", "connection_id"]).doUpdateSet({ token_hash: hashToken(token), rotated_at: at }))
      .execute();
    await recordAudit(
      { ...ctx, db: trx },
      { action: "connection.update", target: { id: connection.id, label: connection.name }, details: { provider: "bolna", changed: "new Bolna hook URL" } },
      now,
    );
  });
  getLogger().info({ connectionId: connection.id }, "bolna hook: token set");
  return { url: bolnaHookUrl(token), status: await hookStatusOf(ctx.db, await findConnectionHook(ctx.db, ctx.actor.teamId, connection.id), now) };
}

/** Only these source addresses may post events; an empty list lets any through (the token still decides). */
export async function setBolnaHookAllowlist(
  ctx: ServiceContext,
  { connectionId, allowlist }: ConnectionInput & { allowlist: string[] },
  now = new Date(),
): Promise<BolnaHookStatus> {
  const target = { id: connectionId, label: null };
  await assertCanOrAudit(ctx, "connections:manage", { action: "connection.update", target, details: { changed: "Bolna hook allowlist" } }, now);
  const connection = await bolnaConnection(ctx, connectionId);
  const addresses = parseAllowlist(allowlist);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("bolna_hooks")
      .set({ allowlist: storedAllowlist(addresses) })
      .where("team_id", "=", ctx.actor.teamId)
      .where("connection_id", "=", connection.id)
      .executeTakeFirst();
    if (updated.numUpdatedRows === BigInt(0)) throw new AppError("not_found", "This connection has no hook URL yet: create one first.");
    await recordAudit(
      { ...ctx, db: trx },
      { action: "connection.update", target: { id: connection.id, label: connection.name }, details: { provider: "bolna", changed: "Bolna hook allowlist" } },
      now,
    );
  });
  return hookStatusOf(ctx.db, await findConnectionHook(ctx.db, ctx.actor.teamId, connection.id), now);
}

/** Whether the connection has a hook, when its last event came, its allowlist: never the token. */
export async function getBolnaHookStatus(ctx: ServiceContext, { connectionId }: ConnectionInput, now = new Date()): Promise<BolnaHookStatus> {
  assertCan(ctx.actor, "connections:manage");
  const connection = await bolnaConnection(ctx, connectionId);
  return hookStatusOf(ctx.db, await findConnectionHook(ctx.db, ctx.actor.teamId, connection.id), now);
}

async function bolnaConnection(ctx: ServiceContext, connectionId: string): Promise<ResolvedConnection> {
  const connection = await resolveConnectionById(ctx.actor.teamId, connectionId);
  if (connection.provider !== "bolna") throw new AppError("bad_request", "Only Bolna connections have a hook URL.");
  return connection;
}
