import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as migration0021 from "@/lib/server/db/migrations/0021-hashed-session-ids";
import type { Database } from "@/lib/server/db/schema";
import { hashToken } from "@/lib/server/security/tokens";
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

describe("stored sessions", () => {
  it("keep only the hash of the id the cookie carries", async () => {
    const admin = await ensureBootstrapAdmin(db, { email: "a@example.com", password: "first-password" }, t0);
    const sid = await createSession(db, admin.id, t0);
    const rows = await db.selectFrom("sessions").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(sid);
    expect(rows[0]?.id).toBe(hashToken(sid));
  });
});

describe("migration 0021", () => {
  it("re-keys live sessions to their hash, so they keep working, and drops ended ones", async () => {
    const admin = await ensureBootstrapAdmin(db, { email: "a@example.com", password: "first-password" }, new Date());
    // As they were stored before: the raw id as the key.
    const later = new Date(Date.now() + SESSION_LIFETIME_MS).toISOString();
    await db
      .insertInto("sessions")
      .values([
        { id: "live-session-id", user_id: admin.id, created_at: t0.toISOString(), expires_at: later, revoked_at: null },
        { id: "ended-session-id", user_id: admin.id, created_at: t0.toISOString(), expires_at: later, revoked_at: t0.toISOString() },
      ])
      .execute();
    await migration0021.up(db as Kysely<unknown>);
    expect(await findSessionUser(db, "live-session-id")).toMatchObject({ id: admin.id });
    expect(await db.selectFrom("sessions").select("id").execute()).toEqual([{ id: hashToken("live-session-id") }]);
  });
});
