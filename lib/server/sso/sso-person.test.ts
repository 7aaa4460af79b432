import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// First: the env mock below is built from it.
import { mockedEnvModule, routeState, TEST_ENV_SOURCE } from "@/lib/server/testing/route-harness";
import { storedEvents } from "@/lib/server/audit/test-support";
import type { Database } from "@/lib/server/db/schema";
import { inviteUser, listTeamUsers } from "@/lib/server/people";
import { ensureBootstrapAdmin, findUserByEmail } from "@/lib/server/people/users";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import type { SsoIdentity } from "./sso-claims";
import { findOrCreateSsoPerson } from "./sso-person";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;
let teamId: string;
const options = { team: null, adminEmail: TEST_ENV_SOURCE.ADMIN_EMAIL };
const ana: SsoIdentity = { subject: "https://idp.test ana-1", email: "ana@acme.com", name: "Ana", role: "operator" };

beforeEach(async () => {
  routeState.env = {};
  ({ db, close } = await openTempDatabase());
  teamId = (await ensureBootstrapAdmin(db, { email: TEST_ENV_SOURCE.ADMIN_EMAIL, password: "first-password" })).team_id;
});
afterEach(async () => close());

const person = (email: string) => findUserByEmail(db, email);
const ssoEvents = async () => (await storedEvents(db)).filter((event) => event.action.startsWith("user.sso"));

describe("findOrCreateSsoPerson", () => {
  it("creates a new person just in time, in the admin's team, with the mapped role, recorded by Sendboard", async () => {
    const outcome = await findOrCreateSsoPerson(db, ana, options);
    const row = await person("ana@acme.com");
    expect(outcome).toEqual({ ok: true, userId: row?.id });
    expect(row).toMatchObject({ team_id: teamId, name: "Ana", role: "operator", password_hash: null, sso_subject: ana.subject });
    expect(await ssoEvents()).toEqual([
      expect.objectContaining({ action: "user.sso_join", actor_kind: "system", actor_id: null, target_id: row?.id, target_label: "ana@acme.com", details: { role: "operator" } }),
    ]);
  });

  it("follows the claim on every later sign-in, recording a change only when the role changes", async () => {
    await findOrCreateSsoPerson(db, ana, options);
    await findOrCreateSsoPerson(db, ana, options);
    await findOrCreateSsoPerson(db, { ...ana, role: "admin" }, options);
    expect((await person(ana.email))?.role).toBe("admin");
    // No role claim configured: Sendboard's own role stands.
    await findOrCreateSsoPerson(db, { ...ana, role: null }, options);
    expect((await person(ana.email))?.role).toBe("admin");
    expect((await ssoEvents()).map((event) => [event.action, event.details])).toEqual([
      ["user.sso_join", { role: "operator" }],
      ["user.sso_role_change", { from: "operator", to: "admin" }],
    ]);
  });

  it("is the invited person with the same email, whatever its case: the invite is spent and they show as active", async () => {
    const boss = (await person(TEST_ENV_SOURCE.ADMIN_EMAIL))!;
    const ctx = { db, actor: { id: boss.id, teamId, role: "admin" as const, email: boss.email } };
    const { user } = await inviteUser(ctx, { email: "Ana@Acme.com", name: "Ana Invited", role: "member", origin: "https://sb.test" });
    const outcome = await findOrCreateSsoPerson(db, { ...ana, email: "ana@acme.com" }, options);
    expect(outcome).toEqual({ ok: true, userId: user.id });
    expect(await person(ana.email)).toMatchObject({ name: "Ana Invited", role: "operator", sso_subject: ana.subject, invite_token_hash: null, invite_expires_at: null });
    expect((await listTeamUsers(ctx)).find((listed) => listed.id === user.id)?.status).toBe("active");
  });

  it("keeps the ADMIN_EMAIL account an admin whatever the claim says", async () => {
    const outcome = await findOrCreateSsoPerson(db, { ...ana, email: TEST_ENV_SOURCE.ADMIN_EMAIL, role: "member" }, options);
    expect(outcome.ok).toBe(true);
    expect((await person(TEST_ENV_SOURCE.ADMIN_EMAIL))?.role).toBe("admin");
  });

  it("refuses an email already linked to another identity at the provider", async () => {
    await findOrCreateSsoPerson(db, ana, options);
    expect(await findOrCreateSsoPerson(db, { ...ana, subject: "https://idp.test someone-else" }, options)).toEqual({ ok: false, reason: "linked_elsewhere" });
  });

  it("joins OIDC_TEAM by name or id, and refuses when no team has it", async () => {
    await db.insertInto("teams").values({ id: "team-ops", name: "Operations", created_at: new Date().toISOString() }).execute();
    await findOrCreateSsoPerson(db, ana, { ...options, team: "Operations" });
    expect((await person(ana.email))?.team_id).toBe("team-ops");
    await findOrCreateSsoPerson(db, { ...ana, subject: "s-2", email: "bo@acme.com" }, { ...options, team: "team-ops" });
    expect((await person("bo@acme.com"))?.team_id).toBe("team-ops");
    expect(await findOrCreateSsoPerson(db, { ...ana, subject: "s-3", email: "cy@acme.com" }, { ...options, team: "Nowhere" })).toEqual({ ok: false, reason: "no_team" });
    expect(await person("cy@acme.com")).toBeUndefined();
  });

  it("makes one person of simultaneous first sign-ins", async () => {
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => findOrCreateSsoPerson(db, ana, options)));
    const rows = await db.selectFrom("users").select("id").where("email", "=", ana.email).execute();
    expect(rows).toHaveLength(1);
    const userId = rows[0]?.id;
    expect(outcomes).toEqual([1, 2, 3, 4].map(() => ({ ok: true, userId })));
    expect((await ssoEvents()).filter((event) => event.action === "user.sso_join")).toHaveLength(1);
  });
});
