import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import type { SessionUser } from "@/lib/server/people/sessions";
import { createSession, findSessionUser } from "@/lib/server/people/sessions";
import { addTeamUser, callRoute, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { POST as ACCEPT } from "../invites/[token]/route";
import { DELETE, PATCH } from "./[id]/route";
import { GET, POST } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: SessionUser;
let member: SessionUser;
let stranger: SessionUser;

beforeEach(async () => {
  const temp = await openTempDatabase();
  ({ db, close } = temp);
  state.db = db;
  admin = await addTeamUser(temp.db, "team-a", "boss@a.test", "admin");
  member = await addTeamUser(temp.db, "team-a", "member@a.test", "member");
  stranger = await addTeamUser(temp.db, "team-b", "boss@b.test", "admin");
  state.user = admin;
});
afterEach(async () => {
  state.env = {};
  await close();
});

type Invited = { user: { id: string }; inviteUrl: string };
const invite = async (email = "new@a.test") =>
  (await callRoute(POST, {}, { method: "POST", body: { email, name: "New", role: "member" } })) as { status: number; json: Invited; text: string };

describe("user routes", () => {
  it("invite returns a one-time link whose token is stored only hashed", async () => {
    const answer = await invite();
    expect(answer.status).toBe(201);
    expect(answer.json.inviteUrl).toMatch(/^http:\/\/127\.0\.0\.1:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = answer.json.inviteUrl.split("/").pop() ?? "";
    const rows = await db.selectFrom("users").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const list = await callRoute(GET, {});
    expect(list.text).not.toContain(token);
    expect(list.text).not.toMatch(/hash|password/i);
  });

  it("makes the invite link from APP_URL, whatever Host or X-Forwarded-Host the request named", async () => {
    state.env = { APP_URL: "https://sendboard.example.com" };
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" };
    const answer = await callRoute(POST, {}, { method: "POST", body: { email: "new@a.test", name: "New", role: "member" }, headers: forged });
    expect((answer.json as Invited).inviteUrl).toMatch(/^https:\/\/sendboard\.example\.com\/invite\/[A-Za-z0-9_-]{43}$/);
  });

  it("the link sets the password once; a second use is 404", async () => {
    const token = (await invite()).json.inviteUrl.split("/").pop() ?? "";
    state.user = null;
    expect((await callRoute(ACCEPT, { token }, { method: "POST", body: { password: "short" } })).status).toBe(400);
    expect((await callRoute(ACCEPT, { token }, { method: "POST", body: { password: "a-long-password" } })).status).toBe(204);
    const again = await callRoute(ACCEPT, { token }, { method: "POST", body: { password: "a-long-password" } });
    expect(again).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
  });

  it("members get 403 on every verb", async () => {
    state.user = member;
    const answers = [
      await callRoute(GET, {}),
      await invite(),
      await callRoute(PATCH, { id: admin.id }, { method: "PATCH", body: { role: "member" } }),
      await callRoute(DELETE, { id: admin.id }, { method: "DELETE" }),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
  });

  it("another team's user is 404; yourself is 409", async () => {
    state.user = stranger;
    expect((await callRoute(PATCH, { id: member.id }, { method: "PATCH", body: { role: "admin" } })).status).toBe(404);
    expect((await callRoute(DELETE, { id: member.id }, { method: "DELETE" })).status).toBe(404);
    expect((await callRoute(DELETE, { id: stranger.id }, { method: "DELETE" })).status).toBe(409);
    expect((await callRoute(GET, {})).json).toMatchObject({ items: [{ email: "boss@b.test" }] });
  });

  it("a malformed user id is 404, as an unknown one", async () => {
    expect(await callRoute(DELETE, { id: "not-a-user" }, { method: "DELETE" })).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    expect((await callRoute(PATCH, { id: "not-a-user" }, { method: "PATCH", body: { role: "admin" } })).status).toBe(404);
  });

  it("removing a member ends their sessions", async () => {
    const sid = await createSession(db, member.id);
    const patched = await callRoute(PATCH, { id: member.id }, { method: "PATCH", body: { role: "admin" } });
    expect(patched).toMatchObject({ status: 200, json: { role: "admin" } });
    expect((await callRoute(DELETE, { id: member.id }, { method: "DELETE" })).status).toBe(204);
    expect(await findSessionUser(db, sid)).toBeNull();
  });
});
