import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/people/sessions";
import { addTeamUser, callRoute, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { DELETE, PATCH } from "./[id]/route";
import { POST as TEST } from "./[id]/test/route";
import { GET, POST } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const KEY = "sk_test_sendboard_sim";
let close: () => Promise<void>;
let admin: SessionUser;
let member: SessionUser;
let stranger: SessionUser;

beforeEach(async () => {
  const temp = await openTempDatabase();
  state.db = temp.db;
  close = temp.close;
  admin = await addTeamUser(temp.db, "team-a", "admin@a.test", "admin");
  member = await addTeamUser(temp.db, "team-a", "member@a.test", "member");
  stranger = await addTeamUser(temp.db, "team-b", "admin@b.test", "admin");
  // team-a is the first team: the environment's connections are its own.
  await serveEnvConnectionsTo(temp.db, "team-a");
  state.user = admin;
});
afterEach(async () => close());

const add = () => callRoute(POST, {}, { method: "POST", body: { provider: "migma", name: "Main", apiKey: KEY } });

describe("connection routes", () => {
  it("add and list without ever answering with the key", async () => {
    const created = await add();
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ provider: "migma", name: "Main", keyLastFour: "…_sim", readOnly: false });
    const list = await callRoute(GET, {});
    expect(list.status).toBe(200);
    for (const text of [created.text, list.text]) expect(text).not.toMatch(/sk_test_sendboard_sim|env_migma_secret_key|encrypted/);
  });

  it("refuse members with 403 forbidden on every verb", async () => {
    const { json } = await add();
    const id = (json as { id: string }).id;
    state.user = member;
    const answers = [
      await callRoute(GET, {}),
      await add(),
      await callRoute(PATCH, { id }, { method: "PATCH", body: { name: "x" } }),
      await callRoute(DELETE, { id }, { method: "DELETE" }),
      await callRoute(TEST, { id }, { method: "POST" }),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
  });

  it("answer 404 for another team's connection and 409 for an environment one", async () => {
    const { json } = await add();
    const id = (json as { id: string }).id;
    expect((await callRoute(PATCH, { id: "env-migma" }, { method: "PATCH", body: { name: "x" } })).status).toBe(409);
    expect((await callRoute(DELETE, { id: "env-migma" }, { method: "DELETE" })).status).toBe(409);
    state.user = stranger;
    expect((await callRoute(PATCH, { id }, { method: "PATCH", body: { name: "x" } })).status).toBe(404);
    expect((await callRoute(DELETE, { id }, { method: "DELETE" })).status).toBe(404);
    expect((await callRoute(TEST, { id }, { method: "POST" })).status).toBe(404);
  });

  it("show the environment's connections to the first team only; another team has none to see, test or change", async () => {
    expect((await callRoute(GET, {})).text).toContain('"env-migma"');
    state.user = stranger;
    expect(await callRoute(GET, {})).toMatchObject({ status: 200, json: { items: [] } });
    for (const answer of [
      await callRoute(TEST, { id: "env-migma" }, { method: "POST" }),
      await callRoute(PATCH, { id: "env-migma" }, { method: "PATCH", body: { name: "x" } }),
      await callRoute(DELETE, { id: "env-migma" }, { method: "DELETE" }),
    ]) {
      expect(answer.status).toBe(404);
    }
  });

  it("answer 404 for an id that is not a connection id, as for an unknown one", async () => {
    for (const id of ["../etc", "env-", "x".repeat(36)]) {
      expect(await callRoute(DELETE, { id }, { method: "DELETE" })).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
      expect((await callRoute(TEST, { id }, { method: "POST" })).status).toBe(404);
    }
  });

  it("refuse a body that tries to set a URL, without echoing the key", async () => {
    const answer = await callRoute(POST, {}, { method: "POST", body: { provider: "migma", name: "M", apiKey: KEY, baseUrl: "http://evil.test" } });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain(KEY);
  });

  it("answer 401 without a session", async () => {
    state.user = null;
    expect((await callRoute(GET, {})).status).toBe(401);
  });
});
