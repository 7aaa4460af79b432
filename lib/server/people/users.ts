import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database, UsersTable } from "@/lib/server/db/schema";
import { hashPassword, verifyPassword } from "@/lib/server/security/passwords";
import type { Role } from "@/lib/server/security/permissions";
import { isUserRole } from "@/lib/team-user";

export type UserRow = Selectable<UsersTable>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

export function isRole(value: string): value is Role {
  return isUserRole(value);
}

/**
 * The admin from ADMIN_EMAIL / ADMIN_PASSWORD exists, in a team of their own, and signs in with
 * the configured password: the environment stays the way an operator recovers access.
 */
export async function ensureBootstrapAdmin(
  db: Kysely<Database>,
  admin: { email: string; password: string },
  now = new Date(),
): Promise<UserRow> {
  const existing = await findUserByEmail(db, admin.email);
  if (existing) {
    if (!(await verifyPassword(admin.password, existing.password_hash))) {
      await db.updateTable("users").set({ password_hash: await hashPassword(admin.password), role: "admin" }).where("id", "=", existing.id).execute();
    }
    return { ...existing, role: "admin" };
  }
  const teamId = randomUUID();
  const user: UserRow = {
    id: randomUUID(),
    team_id: teamId,
    email: normalizeEmail(admin.email),
    name: "Admin",
    role: "admin",
    password_hash: await hashPassword(admin.password),
    invite_token_hash: null,
    invite_expires_at: null,
    created_at: now.toISOString(),

    sso_subject: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("teams").values({ id: teamId, name: "Team", created_at: now.toISOString() }).execute();
    await trx.insertInto("users").values(user).execute();
  });
  return user;
}
