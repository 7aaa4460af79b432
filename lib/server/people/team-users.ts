import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { AppError } from "@/lib/errors";
import type { InviteUserInput, TeamUser, UserRole } from "@/lib/team-user";
import type { Database } from "@/lib/server/db/schema";
import { createShareToken, hashToken, isExpired } from "@/lib/server/security/tokens";
import { revokeUserSessions } from "./sessions";
import { isRole, normalizeEmail } from "./users";
import type { UserRow } from "./users";

export const INVITE_LIFETIME_MS = 72 * 60 * 60 * 1000;

/** Who is asking, and the ADMIN_EMAIL account, which only the environment may change. */
export type UserAdmin = { actorId: string; teamId: string; bootstrapEmail: string };

export function toTeamUser(row: UserRow, now = new Date()): TeamUser | null {
  return isRole(row.role) ? describeUser(row, row.role, now) : null;
}

function describeUser(row: UserRow, role: UserRole, now: Date): TeamUser {
  const status = row.password_hash !== null ? "active" : isExpired(row.invite_expires_at, now) ? "invite_expired" : "invited";
  return { id: row.id, email: row.email, name: row.name, role, status, inviteExpiresAt: row.invite_expires_at, createdAt: row.created_at };
}

export async function listTeamUsers(db: Kysely<Database>, teamId: string, now = new Date()): Promise<TeamUser[]> {
  const rows = await db.selectFrom("users").selectAll().where("team_id", "=", teamId).orderBy("created_at").orderBy("email").execute();
  return rows.map((row) => toTeamUser(row, now)).filter((user): user is TeamUser => user !== null);
}

/** A user without a password and a one-time token; the token is returned once, stored hashed. */
export async function inviteUser(db: Kysely<Database>, teamId: string, input: InviteUserInput, now = new Date()): Promise<{ user: TeamUser; token: string }> {
  const email = normalizeEmail(input.email);
  const taken = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) throw new AppError("conflict", "This email already has a Sendboard account.");
  const token = createShareToken();
  const row: UserRow = {
    id: randomUUID(),
    team_id: teamId,
    email,
    name: input.name,
    role: input.role,
    password_hash: null,
    invite_token_hash: hashToken(token),
    invite_expires_at: new Date(now.getTime() + INVITE_LIFETIME_MS).toISOString(),
    created_at: now.toISOString(),
  };
  await db.insertInto("users").values(row).execute();
  return { user: describeUser(row, input.role, now), token };
}

export async function changeUserRole(db: Kysely<Database>, admin: UserAdmin, userId: string, role: UserRole, now = new Date()): Promise<TeamUser> {
  const row = await findChangeableUser(db, admin, userId, "change your own role");
  await db.updateTable("users").set({ role }).where("id", "=", row.id).where("team_id", "=", admin.teamId).execute();
  return describeUser(row, role, now);
}

/** Deletes the user and ends every session they have, at once. */
export async function removeUser(db: Kysely<Database>, admin: UserAdmin, userId: string, now = new Date()): Promise<void> {
  const row = await findChangeableUser(db, admin, userId, "remove yourself");
  await db.transaction().execute(async (trx) => {
    await revokeUserSessions(trx, row.id, now);
    await trx.deleteFrom("users").where("id", "=", row.id).where("team_id", "=", admin.teamId).execute();
  });
}

async function findChangeableUser(db: Kysely<Database>, admin: UserAdmin, userId: string, selfAction: string): Promise<UserRow> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", userId).where("team_id", "=", admin.teamId).executeTakeFirst();
  if (!row) throw new AppError("not_found", "This user does not exist.");
  // Otherwise the last admin could lock the whole team out.
  if (row.id === admin.actorId) throw new AppError("conflict", `You cannot ${selfAction}; ask another admin.`);
  if (row.email === normalizeEmail(admin.bootstrapEmail)) {
    throw new AppError("conflict", "This admin is set by ADMIN_EMAIL on the server and can only be changed there.");
  }
  return row;
}
