import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { createSession, findSessionUser, revokeSession, revokeUserSessions, SESSION_LIFETIME_MS } from "./sessions";
import { ensureBootstrapAdmin } from "./users";

let db: Kysely<Database>;
let close: () => Promise<void>;
const t0 = new Date("2026-11-25T08:00:00Z");

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
});
afterEach(async () => close());

describe("sessions", () => {
  it("resolve to their user until the absolute lifetime ends", async () => {
    const admin = await ensureBootstrapAdmin(db, { email: "Boss@Example.com", password: "first-password" }, t0);
    const sid = await createSession(db, admin.id, t0);
    expect(await findSessionUser(db, sid, new Date(t0.getTime() + 1000))).toEqual({
      id: admin.id,
      teamId: admin.team_id,
      role: "admin",
      email: "boss@example.com",
      name: "Admin",
    });
    expect(await findSessionUser(db, sid, new Date(t0.getTime() + SESSION_LIFETIME_MS))).toBeNull();
  });

  it("end on sign-out, and all of a user's sessions end together", async () => {
    const admin = await ensureBootstrapAdmin(db, { email: "a@example.com", password: "first-password" }, t0);
    const one = await createSession(db, admin.id, t0);
    const two = await createSession(db, admin.id, t0);
    const three = await createSession(db, admin.id, t0);
    await revokeSession(db, one, t0);
    expect(await findSessionUser(db, one, t0)).toBeNull();
    expect(await findSessionUser(db, two, t0)).not.toBeNull();
    await revokeUserSessions(db, admin.id, t0);
    expect(await findSessionUser(db, two, t0)).toBeNull();
    expect(await findSessionUser(db, three, t0)).toBeNull();
  });

  it("end when the user is removed", async () => {
    const admin = await ensureBootstrapAdmin(db, { email: "a@example.com", password: "first-password" }, t0);
    const sid = await createSession(db, admin.id, t0);
    await db.deleteFrom("users").where("id", "=", admin.id).execute();
    expect(await findSessionUser(db, sid, t0)).toBeNull();
  });

  it("an unknown id is no session", async () => {
    expect(await findSessionUser(db, "made-up", t0)).toBeNull();
  });
});

describe("ensureBootstrapAdmin", () => {
  it("creates the admin once and follows a changed ADMIN_PASSWORD", async () => {
    const first = await ensureBootstrapAdmin(db, { email: "a@example.com", password: "first-password" }, t0);
    const again = await ensureBootstrapAdmin(db, { email: "A@example.com", password: "second-password" }, t0);
    expect(again.id).toBe(first.id);
    const users = await db.selectFrom("users").selectAll().execute();
    expect(users).toHaveLength(1);
    expect(users[0]!.password_hash).not.toBe(first.password_hash);
    expect(await db.selectFrom("teams").selectAll().execute()).toHaveLength(1);
  });
});
