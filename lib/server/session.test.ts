import type { Kysely } from "kysely";
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// First: the mocks below are built from it, and the modules after it load the mocked ones.
import { addTeamUser, mockedDatabaseModule, mockedEnvModule, routeState, TEST_ENV_SOURCE } from "@/lib/server/testing/route-harness";
import type { Database } from "@/lib/server/db/schema";
import { changeUserRole } from "@/lib/server/people";
import { createSession } from "@/lib/server/people/sessions";
import { ensureBootstrapAdmin } from "@/lib/server/people/users";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { getSessionUser } from "./session";
import { SESSION_COOKIE } from "./session-cookie";

vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  routeState.db = db;
});
afterEach(async () => close());

async function requestAs(userId: string, method: string) {
  const sid = await createSession(db, userId);
  const token = await encode({ token: { sid }, secret: TEST_ENV_SOURCE.AUTH_SECRET });
  return (m = method) => new Request("http://127.0.0.1:3000/api/watched", { method: m, headers: { cookie: `${SESSION_COOKIE}=${token}` } });
}

describe("the signed-in user", () => {
  it("loses a role on the very next request after an admin changes it", async () => {
    const boss = await ensureBootstrapAdmin(db, { email: TEST_ENV_SOURCE.ADMIN_EMAIL, password: "first-password" });
    const deputy = await addTeamUser(db, boss.team_id, "deputy@example.com", "admin");
    const request = await requestAs(deputy.id, "GET");
    expect(await getSessionUser(request())).toMatchObject({ id: deputy.id, role: "admin" });
    const bossCtx = { db, actor: { id: boss.id, teamId: boss.team_id, role: "admin" as const, email: boss.email } };
    await changeUserRole(bossCtx, { userId: deputy.id, role: "member" });
    expect(await getSessionUser(request())).toMatchObject({ role: "member" });
  });

  it("is read afresh for every write, even when another instance changed the role", async () => {
    const boss = await ensureBootstrapAdmin(db, { email: TEST_ENV_SOURCE.ADMIN_EMAIL, password: "first-password" });
    const deputy = await addTeamUser(db, boss.team_id, "deputy@example.com", "admin");
    const request = await requestAs(deputy.id, "GET");
    expect(await getSessionUser(request())).toMatchObject({ role: "admin" });
    // Another instance's change: nothing here was told.
    await db.updateTable("users").set({ role: "member" }).where("id", "=", deputy.id).execute();
    for (const method of ["POST", "PATCH", "PUT", "DELETE"]) {
      expect(await getSessionUser(request(method)), method).toMatchObject({ role: "member" });
    }
  });
});
