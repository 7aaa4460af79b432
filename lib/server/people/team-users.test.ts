import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { hashToken } from "@/lib/server/security/tokens";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createSession, findSessionUser } from "./sessions";
import { changeUserRole, INVITE_LIFETIME_MS, inviteUser, listTeamUsers, removeUser } from "./team-users";
import type { UserAdmin } from "./team-users";
import { ensureBootstrapAdmin } from "./users";

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: UserAdmin;
const t0 = new Date("2026-11-25T08:00:00Z");

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  const row = await ensureBootstrapAdmin(db, { email: "boss@example.com", password: "first-password" }, t0);
  admin = { actorId: row.id, teamId: row.team_id, bootstrapEmail: "boss@example.com" };
});
afterEach(async () => close());

const invite = (email = "Member@Example.com", teamId = admin.teamId) =>
  inviteUser(db, teamId, { email, name: "Mem Ber", role: "member" }, t0);

describe("inviteUser", () => {
  it("creates a user without a password and stores only the token's hash", async () => {
    const { user, token } = await invite();
    expect(user).toMatchObject({ email: "member@example.com", role: "member", status: "invited" });
    expect(user.inviteExpiresAt).toBe(new Date(t0.getTime() + INVITE_LIFETIME_MS).toISOString());
    const row = await db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toBeNull();
    expect(row.invite_token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(user)).not.toMatch(/hash/i);
  });

  it("refuses an email that already has an account, in any case", async () => {
    await invite();
    await expect(invite("MEMBER@example.com")).rejects.toMatchObject({ code: "conflict" });
    await expect(invite("member@example.com", "other-team")).rejects.toMatchObject({ code: "conflict" });
  });

  it("lists the team's users only, with an expired invite marked", async () => {
    await invite();
    await invite("stranger@example.com", "other-team");
    const later = new Date(t0.getTime() + INVITE_LIFETIME_MS);
    const users = await listTeamUsers(db, admin.teamId, later);
    expect(users.map((user) => [user.email, user.status])).toEqual([
      ["boss@example.com", "active"],
      ["member@example.com", "invite_expired"],
    ]);
  });
});

describe("changeUserRole and removeUser", () => {
  it("change the role of a user in the team", async () => {
    const { user } = await invite();
    expect((await changeUserRole(db, admin, user.id, "admin")).role).toBe("admin");
  });

  it("answer not_found for another team's user", async () => {
    const { user } = await invite("stranger@example.com", "other-team");
    await expect(changeUserRole(db, admin, user.id, "admin")).rejects.toMatchObject({ code: "not_found" });
    await expect(removeUser(db, admin, user.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.selectFrom("users").select("id").where("id", "=", user.id).executeTakeFirst()).toBeDefined();
  });

  it("refuse to act on yourself or on the ADMIN_EMAIL account", async () => {
    await expect(removeUser(db, admin, admin.actorId)).rejects.toMatchObject({ code: "conflict" });
    await expect(changeUserRole(db, admin, admin.actorId, "member")).rejects.toMatchObject({ code: "conflict" });
    const { user } = await invite();
    await changeUserRole(db, admin, user.id, "admin");
    const other: UserAdmin = { ...admin, actorId: user.id };
    await expect(removeUser(db, other, admin.actorId)).rejects.toMatchObject({ code: "conflict" });
  });

  it("removing a user ends their sessions", async () => {
    const { user } = await invite();
    const sid = await createSession(db, user.id, t0);
    expect(await findSessionUser(db, sid, t0)).not.toBeNull();
    await removeUser(db, admin, user.id, t0);
    expect(await findSessionUser(db, sid, t0)).toBeNull();
    const session = await db.selectFrom("sessions").selectAll().where("id", "=", sid).executeTakeFirstOrThrow();
    expect(session.revoked_at).toBe(t0.toISOString());
    expect(await listTeamUsers(db, admin.teamId, t0)).toHaveLength(1);
  });
});
