import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { hashToken } from "@/lib/server/security/tokens";
import type { ServiceContext } from "@/lib/server/service-context";
import { mockedEnvModule, routeState } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createSession, findSessionUser } from "./sessions";
import { changeUserRole, INVITE_LIFETIME_MS, inviteUser, listTeamUsers, removeUser } from "./team-users";
import { ensureBootstrapAdmin } from "./users";

// ADMIN_EMAIL names the one admin only the environment may change: the tests say who.
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: ServiceContext;
const t0 = new Date("2026-11-25T08:00:00Z");
const origin = "https://sendboard.example";

beforeEach(async () => {
  routeState.env = { ADMIN_EMAIL: "boss@example.com" };
  ({ db, close } = await openTempDatabase());
  const row = await ensureBootstrapAdmin(db, { email: "boss@example.com", password: "first-password" }, t0);
  admin = { db, actor: { id: row.id, teamId: row.team_id, role: "admin", email: row.email } };
});
afterEach(async () => close());

const adminOf = (teamId: string): ServiceContext => ({ db, actor: { ...admin.actor, teamId } });
const invite = (email = "Member@Example.com", teamId = admin.actor.teamId) =>
  inviteUser(adminOf(teamId), { email, name: "Mem Ber", role: "member", origin }, t0);

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
    const users = await listTeamUsers(admin, later);
    expect(users.map((user) => [user.email, user.status])).toEqual([
      ["boss@example.com", "active"],
      ["member@example.com", "invite_expired"],
    ]);
  });
});

describe("authorisation", () => {
  it("refuses a member on every verb", async () => {
    const { user } = await invite();
    const member: ServiceContext = { db, actor: { ...admin.actor, id: user.id, role: "member" } };
    const attempts = [
      () => listTeamUsers(member),
      () => inviteUser(member, { email: "x@example.com", name: "X", role: "member", origin }),
      () => changeUserRole(member, { userId: admin.actor.id, role: "member" }),
      () => removeUser(member, { userId: admin.actor.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("changeUserRole and removeUser", () => {
  it("change the role of a user in the team", async () => {
    const { user } = await invite();
    expect((await changeUserRole(admin, { userId: user.id, role: "admin" })).role).toBe("admin");
  });

  it("answer not_found for another team's user", async () => {
    const { user } = await invite("stranger@example.com", "other-team");
    await expect(changeUserRole(admin, { userId: user.id, role: "admin" })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeUser(admin, { userId: user.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.selectFrom("users").select("id").where("id", "=", user.id).executeTakeFirst()).toBeDefined();
  });

  it("refuse to act on yourself or on the ADMIN_EMAIL account", async () => {
    await expect(removeUser(admin, { userId: admin.actor.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(changeUserRole(admin, { userId: admin.actor.id, role: "member" })).rejects.toMatchObject({ code: "conflict" });
    const { user } = await invite();
    await changeUserRole(admin, { userId: user.id, role: "admin" });
    const other: ServiceContext = { db, actor: { ...admin.actor, id: user.id } };
    await expect(removeUser(other, { userId: admin.actor.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("removing a user ends their sessions", async () => {
    const { user } = await invite();
    const sid = await createSession(db, user.id, t0);
    expect(await findSessionUser(db, sid, t0)).not.toBeNull();
    await removeUser(admin, { userId: user.id }, t0);
    expect(await findSessionUser(db, sid, t0)).toBeNull();
    const session = await db.selectFrom("sessions").selectAll().where("id", "=", hashToken(sid)).executeTakeFirstOrThrow();
    expect(session.revoked_at).toBe(t0.toISOString());
    expect(await listTeamUsers(admin, t0)).toHaveLength(1);
  });
});
