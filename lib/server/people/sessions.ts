import "server-only";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";
import type { Role } from "@/lib/server/security/permissions";
import { hashToken } from "@/lib/server/security/tokens";
import { forgetCachedSessionUsers } from "./session-cache";
import { isRole } from "./users";

/** Absolute: a tab that polls all day does not keep a session alive past this. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export type SessionUser = { id: string; teamId: string; role: Role; email: string; name: string };

/** The session id goes into the encrypted cookie; the table keeps only its hash, like every token. */
export async function createSession(db: Kysely<Database>, userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(id),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
      revoked_at: null,
    })
    .execute();
  return id;
}

/** The user behind a session that is neither expired nor revoked and whose user still exists. */
export async function findSessionUser(db: Kysely<Database>, sessionId: string, now = new Date()): Promise<SessionUser | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.team_id", "users.role", "users.email", "users.name", "sessions.expires_at"])
    .where("sessions.id", "=", hashToken(sessionId))
    .where("sessions.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString() || !isRole(row.role)) return null;
  return { id: row.id, teamId: row.team_id, role: row.role, email: row.email, name: row.name };
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now = new Date()): Promise<void> {
  forgetCachedSessionUsers();
  await db.updateTable("sessions").set({ revoked_at: now.toISOString() }).where("id", "=", hashToken(sessionId)).where("revoked_at", "is", null).execute();
}

export async function revokeUserSessions(db: Kysely<Database>, userId: string, now = new Date()): Promise<void> {
  forgetCachedSessionUsers();
  await db.updateTable("sessions").set({ revoked_at: now.toISOString() }).where("user_id", "=", userId).where("revoked_at", "is", null).execute();
}
