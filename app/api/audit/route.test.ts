import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUDIT_PAGE_SIZE, auditPageSchema, type AuditPage } from "@/lib/audit-event";
import type { Database } from "@/lib/server/db/schema";
import type { SessionUser } from "@/lib/server/people/sessions";
import {
  addTeamUser,
  callRoute,
  mockedDatabaseModule,
  mockedEnvModule,
  mockedSessionModule,
  routeState as state,
} from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { POST as INVITE } from "../users/route";
import { GET } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: SessionUser;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  state.db = db;
  admin = await addTeamUser(db, "team-a", "boss@a.test", "admin");
  state.user = admin;
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(async () => {
  vi.useRealTimers();
  await close();
});

// Each invite a second after the last, so "newest first" has one right answer.
let clock = Date.parse("2026-11-27T10:00:00.000Z");
function invite(email: string) {
  vi.setSystemTime((clock += 1000));
  return callRoute(INVITE, {}, { method: "POST", body: { email, name: "Someone", role: "operator" } });
}
// callRoute sends no query string: the cursor rides in the URL, as the browser sends it.
async function list(cursor?: string) {
  const query = cursor === undefined ? "" : `?cursor=${encodeURIComponent(cursor)}`;
  const response = await GET(new Request(`http://127.0.0.1:3000/api/audit${query}`), {
    params: Promise.resolve({}),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}
const page = async (cursor?: string) => {
  const { status, json } = await list(cursor);
  return { status, page: json as AuditPage };
};

describe("GET /api/audit", () => {
  it("answers admins with what the API did, newest first, in the client's schema", async () => {
    expect((await invite("ana@a.test")).status).toBe(201);
    expect((await invite("bo@a.test")).status).toBe(201);
    const { status, page: first } = await page();
    expect(status).toBe(200);
    expect(auditPageSchema.safeParse(first).success).toBe(true);
    expect(first.nextCursor).toBeNull();
    expect(
      first.items.map((item) => [item.action, item.target.label, item.actor.email, item.outcome]),
    ).toEqual([
      ["user.invite", "bo@a.test", "boss@a.test", "ok"],
      ["user.invite", "ana@a.test", "boss@a.test", "ok"],
    ]);
  });

  it("pages with nextCursor until the oldest event", async () => {
    for (let n = 0; n < AUDIT_PAGE_SIZE + 3; n++)
      expect((await invite(`person-${n}@a.test`)).status).toBe(201);
    const first = await page();
    expect(first.page.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.page.nextCursor).toEqual(expect.any(String));
    const second = await page(first.page.nextCursor ?? "");
    expect(second.status).toBe(200);
    expect(second.page.items).toHaveLength(3);
    expect(second.page.nextCursor).toBeNull();
    const seen = [...first.page.items, ...second.page.items].map((item) => item.target.label);
    expect(new Set(seen).size).toBe(AUDIT_PAGE_SIZE + 3);
    expect(seen.at(-1)).toBe("person-0@a.test");
  });

  it("refuses a made-up cursor with 400", async () => {
    expect(await list("bm90LWEtY3Vyc29y")).toMatchObject({
      status: 400,
      json: { error: { code: "bad_request" } },
    });
    expect((await list("x".repeat(201))).status).toBe(400);
  });

  it("is 403 for operators and members, and 401 without a session", async () => {
    for (const role of ["operator", "member"] as const) {
      state.user = await addTeamUser(db, "team-a", `${role}@a.test`, role);
      expect(await callRoute(GET, {})).toMatchObject({
        status: 403,
        json: { error: { code: "forbidden" } },
      });
    }
    state.user = null;
    expect((await callRoute(GET, {})).status).toBe(401);
  });

  it("never shows another team's events", async () => {
    await invite("ana@a.test");
    state.user = await addTeamUser(db, "team-b", "boss@b.test", "admin");
    expect((await page()).page).toEqual({ items: [], nextCursor: null });
  });
});
