import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { storedEvents } from "@/lib/server/audit/test-support";
import type { Database } from "@/lib/server/db/schema";
import type { ServiceContext } from "@/lib/server/service-context";
import { addTeamUser, mockedEnvModule, routeState } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { changeUserRole, inviteUser, removeUser } from "./team-users";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: ServiceContext;
const origin = "https://sendboard.example";
const t0 = new Date("2026-11-27T10:00:00.000Z");

beforeEach(async () => {
  routeState.env = { ADMIN_EMAIL: "root@example.com" };
  ({ db, close } = await openTempDatabase());
  admin = {
    db,
    actor: await addTeamUser(db, "team-a", "boss@a.test", "admin"),
    address: "203.0.113.7",
  };
});
afterEach(async () => close());

const invite = (
  ctx: ServiceContext,
  email: string,
  role: "admin" | "operator" | "member" = "operator",
) => inviteUser(ctx, { email, name: "Someone", role, origin }, t0);

describe("the people the activity log records", () => {
  it("invited, re-roled and removed, by whom, from where, with the roles and the email kept", async () => {
    const { user } = await invite(admin, "Ana@A.test");
    await changeUserRole(admin, { userId: user.id, role: "admin" }, new Date(t0.getTime() + 1000));
    await removeUser(admin, { userId: user.id }, new Date(t0.getTime() + 2000));
    const events = await storedEvents(db);
    expect(
      events.map(
        ({
          action,
          target_type,
          target_id,
          target_label,
          outcome,
          details,
          actor_email,
          address,
        }) => ({
          action,
          target_type,
          target_id,
          target_label,
          outcome,
          details,
          actor_email,
          address,
        }),
      ),
    ).toEqual([
      {
        action: "user.invite",
        target_type: "user",
        target_id: user.id,
        target_label: "ana@a.test",
        outcome: "ok",
        details: { role: "operator" },
        actor_email: "boss@a.test",
        address: "203.0.113.7",
      },
      {
        action: "user.role_change",
        target_type: "user",
        target_id: user.id,
        target_label: "ana@a.test",
        outcome: "ok",
        details: { from: "operator", to: "admin" },
        actor_email: "boss@a.test",
        address: "203.0.113.7",
      },
      {
        action: "user.remove",
        target_type: "user",
        target_id: user.id,
        target_label: "ana@a.test",
        outcome: "ok",
        details: {},
        actor_email: "boss@a.test",
        address: "203.0.113.7",
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/invite\/|token/i);
  });

  it("records an operator's or member's attempt as refused, and changes nothing", async () => {
    const { user } = await invite(admin, "target@a.test", "member");
    for (const role of ["operator", "member"] as const) {
      const ctx: ServiceContext = {
        db,
        actor: await addTeamUser(db, "team-a", `${role}@a.test`, role),
      };
      await expect(invite(ctx, "sneaky@a.test", "admin")).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(changeUserRole(ctx, { userId: user.id, role: "admin" })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(removeUser(ctx, { userId: user.id })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    const refused = (await storedEvents(db)).filter((event) => event.outcome === "refused");
    expect(refused.map((event) => [event.actor_email, event.action]).sort()).toEqual([
      ["member@a.test", "user.invite"],
      ["member@a.test", "user.remove"],
      ["member@a.test", "user.role_change"],
      ["operator@a.test", "user.invite"],
      ["operator@a.test", "user.remove"],
      ["operator@a.test", "user.role_change"],
    ]);
    expect(refused.find((event) => event.action === "user.invite")).toMatchObject({
      target_label: "sneaky@a.test",
      details: { role: "admin" },
    });
    expect(
      await db.selectFrom("users").select("role").where("id", "=", user.id).executeTakeFirst(),
    ).toEqual({ role: "member" });
    expect(
      await db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "sneaky@a.test")
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("records nothing for a change that does not happen", async () => {
    const { user } = await invite(admin, "ana@a.test");
    const before = (await storedEvents(db)).length;
    await expect(invite(admin, "ANA@a.test")).rejects.toMatchObject({ code: "conflict" });
    await expect(removeUser(admin, { userId: admin.actor.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      changeUserRole(admin, { userId: crypto.randomUUID(), role: "admin" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await changeUserRole(admin, { userId: user.id, role: "operator" });
    expect(await storedEvents(db)).toHaveLength(before);
  });

  it("makes no change it cannot record", async () => {
    const { user } = await invite(admin, "ana@a.test");
    await sql`drop table audit_events`.execute(db);
    await expect(invite(admin, "bo@a.test")).rejects.toThrow();
    await expect(changeUserRole(admin, { userId: user.id, role: "admin" })).rejects.toThrow();
    await expect(removeUser(admin, { userId: user.id })).rejects.toThrow();
    // A refusal that cannot be recorded is still the same 403.
    const member: ServiceContext = { db, actor: await addTeamUser(db, "team-a", "mem@a.test", "member") };
    await expect(invite(member, "sneaky@a.test")).rejects.toMatchObject({ code: "forbidden" });
    const rows = await db
      .selectFrom("users")
      .select(["email", "role"])
      .where("team_id", "=", "team-a")
      .orderBy("email")
      .execute();
    expect(rows).toEqual([
      { email: "ana@a.test", role: "operator" },
      { email: "boss@a.test", role: "admin" },
      { email: "mem@a.test", role: "member" },
    ]);
  });
});
