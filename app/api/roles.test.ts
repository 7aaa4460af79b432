import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import type { Role } from "@/lib/server/security/permissions";
import {
  addTeamUser,
  callRoute,
  mockedDatabaseModule,
  mockedEnvModule,
  mockedSessionModule,
  routeState as state,
  serveEnvConnectionsTo,
} from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { GET as AUDIT } from "./audit/route";
import { POST as CREATE_BOARD } from "./boards/route";
import { GET as CONNECTIONS, POST as ADD_CONNECTION } from "./connections/route";
import { PATCH as CHANGE_ROLE } from "./users/[id]/route";
import { GET as USERS, POST as INVITE } from "./users/route";
import { GET as WATCHED, POST as WATCH } from "./watched/route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  state.db = db;
  await serveEnvConnectionsTo(db, "team-a");
});
afterEach(async () => close());

let n = 0;
const calls = {
  "read the watched list": () => callRoute(WATCHED, {}),
  "watch a batch": () =>
    callRoute(WATCH, {}, { method: "POST", body: { provider: "migma", batchId: `sim-${++n}` } }),
  "create a board": () =>
    callRoute(
      CREATE_BOARD,
      {},
      {
        method: "POST",
        body: { name: `Board ${++n}`, batches: [{ provider: "migma", batchId: "sim-running" }] },
      },
    ),
  "list people": () => callRoute(USERS, {}),
  "invite someone": () =>
    callRoute(
      INVITE,
      {},
      { method: "POST", body: { email: `new-${++n}@a.test`, name: "New", role: "member" } },
    ),
  "list connections": () => callRoute(CONNECTIONS, {}),
  "add a connection": () =>
    callRoute(
      ADD_CONNECTION,
      {},
      { method: "POST", body: { provider: "migma", name: "Mine", apiKey: "sk_test_key_1234" } },
    ),
  "read the activity log": () => callRoute(AUDIT, {}),
};

const ALLOWED: Record<Role, ReadonlyArray<keyof typeof calls>> = {
  admin: Object.keys(calls) as Array<keyof typeof calls>,
  operator: ["read the watched list", "watch a batch", "create a board"],
  member: ["read the watched list", "watch a batch", "create a board"],
};

describe("what each role may do through the API", () => {
  for (const role of ["admin", "operator", "member"] as const) {
    it(`${role}: ${ALLOWED[role].join(", ")}; 403 for the rest`, async () => {
      state.user = await addTeamUser(db, "team-a", `${role}@a.test`, role);
      for (const [what, call] of Object.entries(calls)) {
        const { status } = await call();
        const allowed = ALLOWED[role].includes(what as keyof typeof calls);
        expect({ what, status }).toEqual({
          what,
          status: allowed ? expect.toSatisfy((code: number) => code === 200 || code === 201) : 403,
        });
      }
    });
  }

  it("an invite can make someone an operator, and an admin can re-role them", async () => {
    state.user = await addTeamUser(db, "team-a", "admin@a.test", "admin");
    const invited = await callRoute(
      INVITE,
      {},
      { method: "POST", body: { email: "op@a.test", name: "Op", role: "operator" } },
    );
    expect(invited).toMatchObject({ status: 201, json: { user: { role: "operator" } } });
    expect((await callRoute(USERS, {})).json).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ email: "op@a.test", role: "operator" }),
      ]),
    });
    const member = await addTeamUser(db, "team-a", "mem@a.test", "member");
    const body = (role: string) => ({ method: "PATCH", body: { role } });
    const promoted = await callRoute(CHANGE_ROLE, { id: member.id }, body("operator"));
    expect(promoted).toMatchObject({ status: 200, json: { role: "operator" } });
    expect((await callRoute(CHANGE_ROLE, { id: member.id }, body("owner"))).status).toBe(400);
  });
});
