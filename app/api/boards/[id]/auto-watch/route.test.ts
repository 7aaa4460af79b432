import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addTeamUser, callRoute, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { autoWatchRuleSchema } from "@/lib/auto-watch";
import type { SessionUser } from "@/lib/server/people/sessions";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { POST as CREATE_BOARD } from "../../route";
import { DELETE, PATCH } from "./[ruleId]/route";
import { GET, POST } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let close: () => Promise<void>;
let operator: SessionUser;
let member: SessionUser;
let boardId: string;

beforeEach(async () => {
  const temp = await openTempDatabase();
  state.db = temp.db;
  close = temp.close;
  await serveEnvConnectionsTo(temp.db, "team-a");
  state.env = { MINDO_API_KEY: "env_mindo_key" };
  operator = await addTeamUser(temp.db, "team-a", "operator@a.test", "operator");
  member = await addTeamUser(temp.db, "team-a", "member@a.test", "member");
  state.user = member;
  const created = await callRoute(CREATE_BOARD, {}, { method: "POST", body: { name: "Wall", batches: [] } });
  boardId = (created.json as { id: string }).id;
});
afterEach(async () => close());

const follow = (body: unknown) => callRoute(POST, { id: boardId }, { method: "POST", body });

describe("auto-watch routes", () => {
  it("let an operator follow a connection, change and stop it; members read and get 403 for changes", async () => {
    state.user = operator;
    const created = await follow({ connectionId: "env-mindo", nameContains: "order" });
    expect(created.status).toBe(201);
    const rule = autoWatchRuleSchema.parse(created.json);
    expect((await callRoute(PATCH, { id: boardId, ruleId: rule.id }, { method: "PATCH", body: { removeAfterMinutes: 60 } })).json).toMatchObject({ removeAfterMinutes: 60 });

    state.user = member;
    expect((await callRoute(GET, { id: boardId })).json).toMatchObject({ items: [{ id: rule.id, nameContains: "order", removeAfterMinutes: 60 }] });
    expect(await follow({ connectionId: "env-mindo" })).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    expect((await callRoute(DELETE, { id: boardId, ruleId: rule.id }, { method: "DELETE" })).status).toBe(403);

    state.user = operator;
    expect((await callRoute(DELETE, { id: boardId, ruleId: rule.id }, { method: "DELETE" })).status).toBe(204);
    expect((await callRoute(DELETE, { id: boardId, ruleId: rule.id }, { method: "DELETE" })).status).toBe(404);
  });

  it("refuse a body with anything else in it, a bad filter, and nothing to change", async () => {
    state.user = operator;
    expect((await follow({ connectionId: "env-mindo", boardId: "another" })).status).toBe(400);
    expect((await follow({ connectionId: "env-mindo", removeAfterMinutes: 0 })).status).toBe(400);
    expect((await follow({ connectionId: "not a connection" })).status).toBe(400);
    const rule = autoWatchRuleSchema.parse((await follow({ connectionId: "env-mindo" })).json);
    expect((await callRoute(PATCH, { id: boardId, ruleId: rule.id }, { method: "PATCH", body: {} })).status).toBe(400);
    expect((await follow({ connectionId: "env-mindo" })).status).toBe(409);
  });

  it("answer 404 for another team's board and a malformed id", async () => {
    state.user = await addTeamUser(state.db!, "team-b", "admin@b.test", "admin");
    expect((await follow({ connectionId: "env-mindo" })).status).toBe(404);
    expect((await callRoute(GET, { id: "nope" })).status).toBe(404);
  });
});
