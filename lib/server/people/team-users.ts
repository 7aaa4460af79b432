import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { getEnv } from "@/lib/server/env";
import { AppError } from "@/lib/errors";
import type { InviteUserInput, TeamUser, UserRole } from "@/lib/team-user";
import type { Database } from "@/lib/server/db/schema";
import { assertCanOrAudit, recordAudit } from "@/lib/server/audit";
import { assertCan, type Actor } from "@/lib/server/security/permissions";
import { revokeShareLinksMadeBy } from "@/lib/server/share-links";
import { createShareToken, hashToken, isExpired } from "@/lib/server/security/tokens";
import type { ServiceContext } from "@/lib/server/service-context";
import { userAuditTarget } from "./audit-target";
import { inviteUrlFor } from "./invite-url";
import { forgetCachedSessionUsers } from "./session-cache";
import { revokeUserSessions } from "./sessions";
import { isRole, normalizeEmail } from "./users";
import type { UserRow } from "./users";

export const INVITE_LIFETIME_MS = 72 * 60 * 60 * 1000;

export function toTeamUser(row: UserRow, now = new Date()): TeamUser | null {
  return isRole(row.role) ? describeUser(row, row.role, now) : null;
}

function describeUser(row: UserRow, role: UserRole, now: Date): TeamUser {
  // Signing in with single sign-on makes an invited person active as much as setting a password.
  const signedUp = row.password_hash !== null || row.sso_subject !== null;
  const status = signedUp ? "active" : isExpired(row.invite_expires_at, now) ? "invite_expired" : "invited";
  return { id: row.id, email: row.email, name: row.name, role, status, inviteExpiresAt: row.invite_expires_at, createdAt: row.created_at };
}

export async function listTeamUsers({ db, actor }: ServiceContext, now = new Date()): Promise<TeamUser[]> {
  assertCan(actor, "users:manage");
  const rows = await db.selectFrom("users").selectAll().where("team_id", "=", actor.teamId).orderBy("created_at").orderBy("email").execute();
  return rows.map((row) => toTeamUser(row, now)).filter((user): user is TeamUser => user !== null);
}

/**
 * A user without a password and a one-time token; the token is returned once (alone and in the
 * link made for `origin`, APP_URL), stored hashed.
 */
export async function inviteUser(
  ctx: ServiceContext,
  input: InviteUserInput & { origin: string },
  now = new Date(),
): Promise<{ user: TeamUser; token: string; inviteUrl: string }> {
  await assertCanOrAudit(ctx, "users:manage", { action: "user.invite", target: { id: null, label: normalizeEmail(input.email) }, details: { role: input.role } }, now);
  const { db, actor } = ctx;
  const email = normalizeEmail(input.email);
  const taken = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) throw new AppError("conflict", "This email already has a Sendboard account.");
  const token = createShareToken();
  const row: UserRow = {
    id: randomUUID(),
    team_id: actor.teamId,
    email,
    name: input.name,
    role: input.role,
    password_hash: null,
    invite_token_hash: hashToken(token),
    invite_expires_at: new Date(now.getTime() + INVITE_LIFETIME_MS).toISOString(),
    created_at: now.toISOString(),

    sso_subject: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("users").values(row).execute();
    await recordAudit({ ...ctx, db: trx }, { action: "user.invite", target: userAuditTarget(row), details: { role: input.role } }, now);
  });
  return { user: describeUser(row, input.role, now), token, inviteUrl: inviteUrlFor(input.origin, token) };
}

export async function changeUserRole(
  ctx: ServiceContext,
  { userId, role }: { userId: string; role: UserRole },
  now = new Date(),
): Promise<TeamUser> {
  await assertCanOrAudit(ctx, "users:manage", { action: "user.role_change", target: { id: userId, label: null }, details: { to: role } }, now);
  const { db, actor } = ctx;
  const row = await findChangeableUser(db, actor, userId, "change your own role");
  // The same role again changes nothing, so nothing is recorded.
  if (row.role !== role) await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ role }).where("id", "=", row.id).where("team_id", "=", actor.teamId).execute();
    await recordAudit({ ...ctx, db: trx }, { action: "user.role_change", target: userAuditTarget(row), details: { from: row.role, to: role } }, now);
  });
  // Their next request runs with the new role, not the remembered one.
  forgetCachedSessionUsers();
  return describeUser(row, role, now);
}

/** Deletes the user and ends every session they have and every share link they made, at once. */
export async function removeUser(ctx: ServiceContext, { userId }: { userId: string }, now = new Date()): Promise<void> {
  await assertCanOrAudit(ctx, "users:manage", { action: "user.remove", target: { id: userId, label: null } }, now);
  const { db, actor } = ctx;
  const row = await findChangeableUser(db, actor, userId, "remove yourself");
  await db.transaction().execute(async (trx) => {
    await revokeUserSessions(trx, row.id, now);
    await revokeShareLinksMadeBy(trx, row.id, now);
    await trx.deleteFrom("users").where("id", "=", row.id).where("team_id", "=", actor.teamId).execute();
    await recordAudit({ ...ctx, db: trx }, { action: "user.remove", target: userAuditTarget(row) }, now);
  });
}

/** A user of the actor's team other than themselves and the ADMIN_EMAIL account, which only the environment may change. */
async function findChangeableUser(db: Kysely<Database>, actor: Actor, userId: string, selfAction: string): Promise<UserRow> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", userId).where("team_id", "=", actor.teamId).executeTakeFirst();
  if (!row) throw new AppError("not_found", "This user does not exist.");
  // Otherwise the last admin could lock the whole team out.
  if (row.id === actor.id) throw new AppError("conflict", `You cannot ${selfAction}; ask another admin.`);
  if (row.email === normalizeEmail(getEnv().ADMIN_EMAIL)) {
    throw new AppError("conflict", "This admin is set by ADMIN_EMAIL on the server and can only be changed there.");
  }
  return row;
}
