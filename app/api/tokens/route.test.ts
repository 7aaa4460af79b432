import type { Kysely } from "kysely";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import type { SessionUser } from "@/lib/server/people/sessions";
import { addTeamUser, callRoute, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state } from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { TOKEN_RATE_LIMIT } from "@/lib/server/api-tokens";
import { POST as ADD_BATCH } from "../boards/[id]/batches/route";
import { GET as BOARDS, POST as CREATE_BOARD } from "../boards/route";
import { GET as USERS } from "../users/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const BOLNA_BATCH = "00000000000000000000000000000002";
const EVIL = { "sec-fetch-site": "cross-site", origin: "https://evil.example" };

let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: SessionUser;
let member: SessionUser;
let boardId: string;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  state.db = db;
  admin = await addTeamUser(db, "team-a", "boss@a.test", "admin");
  member = await addTeamUser(db, "team-a", "member@a.test", "member");
  state.user = admin;
  boardId = ((await callRoute(CREATE_BOARD, {}, { method: "POST", body: { name: "Ops", batches: [] } })).json as { id: string }).id;
});
afterEach(async () => {
  state.user = null;
  await close();
});

type Created = { id: string; token: string; item: { last4: string } };
async function createToken(role: "member" | "operator", name = `${role} token`) {
  state.user = admin;
  const answer = await callRoute(POST, {}, { method: "POST", body: { name, role } });
  expect(answer.status).toBe(201);
  state.user = null;
  return answer.json as Created;
}
const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
const addBatch = (token: string, headers: Record<string, string> = {}) =>
  callRoute(ADD_BATCH, { id: boardId }, { method: "POST", body: { provider: "bolna", batchId: BOLNA_BATCH }, headers: bearer(token, headers) });

describe("token routes", () => {
  it("create answers the token once; the list and the database never hold it", async () => {
    const created = await createToken("operator");
    expect(created.token).toMatch(/^sb_[0-9A-Za-z]{43}$/);
    expect(created.item.last4).toBe(created.token.slice(-4));
    state.user = admin;
    const list = await callRoute(GET, {});
    expect(list).toMatchObject({ status: 200, json: { items: [{ id: created.id, role: "operator", last4: created.token.slice(-4) }] } });
    expect(list.text).not.toContain(created.token);
    expect(JSON.stringify(await db.selectFrom("api_tokens").selectAll().execute())).not.toContain(created.token);
  });

  it("refuses an unknown key, a bad role and both expiry forms with 400", async () => {
    for (const body of [{ name: "x", role: "admin" }, { name: "x", role: "member", scope: "all" }, { name: "x", role: "member", expiresAt: "2099-01-01T00:00:00Z", expiresInDays: 3 }, { name: "", role: "member" }]) {
      expect((await callRoute(POST, {}, { method: "POST", body })).status, JSON.stringify(body)).toBe(400);
    }
  });

  it("members get 403 on every verb; a malformed id is 404", async () => {
    const { id } = await createToken("member");
    state.user = member;
    for (const answer of [await callRoute(GET, {}), await callRoute(POST, {}, { method: "POST", body: { name: "x", role: "member" } }), await callRoute(DELETE, { id }, { method: "DELETE" })]) {
      expect(answer).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    }
    state.user = admin;
    expect((await callRoute(DELETE, { id: "nope" }, { method: "DELETE" })).status).toBe(404);
  });
});

describe("Authorization: Bearer on the JSON API", () => {
  it("an operator token adds a batch to a board from a script; a member token reads but may not add", async () => {
    const operator = await createToken("operator");
    const reader = await createToken("member");
    expect(await addBatch(reader.token)).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    expect(await callRoute(BOARDS, {}, { headers: bearer(reader.token) })).toMatchObject({ status: 200, json: { items: [{ id: boardId }] } });
    expect(await addBatch(operator.token)).toMatchObject({ status: 201, json: { item: { provider: "bolna", batchId: BOLNA_BATCH } } });
  });

  it("no token reaches what is an admin's: people, tokens", async () => {
    const operator = await createToken("operator");
    expect((await callRoute(USERS, {}, { headers: bearer(operator.token) })).status).toBe(403);
    expect((await callRoute(GET, {}, { headers: bearer(operator.token) })).status).toBe(403);
    expect((await callRoute(POST, {}, { method: "POST", body: { name: "child", role: "operator" }, headers: bearer(operator.token) })).status).toBe(403);
  });

  it("a bad or unknown token is 401 even beside a session", async () => {
    state.user = admin;
    expect(await callRoute(BOARDS, {}, { headers: bearer("sb_nope") })).toMatchObject({ status: 401, json: { error: { code: "unauthorized" } } });
    expect((await callRoute(BOARDS, {}, { headers: bearer(`sb_${"x".repeat(43)}`) })).status).toBe(401);
  });

  it("revocation refuses the very next request with 401", async () => {
    const operator = await createToken("operator");
    expect((await callRoute(BOARDS, {}, { headers: bearer(operator.token) })).status).toBe(200);
    state.user = admin;
    expect((await callRoute(DELETE, { id: operator.id }, { method: "DELETE" })).status).toBe(204);
    state.user = null;
    expect(await callRoute(BOARDS, {}, { headers: bearer(operator.token) })).toMatchObject({ status: 401, json: { error: { code: "unauthorized" } } });
  });

  it("skips the cross-site check for a cookieless token request, keeps it when a cookie rides along", async () => {
    const operator = await createToken("operator");
    expect((await addBatch(operator.token, EVIL)).status).toBe(201);
    expect(await addBatch(operator.token, { ...EVIL, cookie: "next-auth.session-token=x" })).toMatchObject({ status: 403, json: { error: { code: "cross_site_request" } } });
  });

  it("is rate limited per token: 429 with Retry-After and a JSON code", async () => {
    const reader = await createToken("member");
    for (let i = 0; i < TOKEN_RATE_LIMIT.uses; i++) expect((await callRoute(BOARDS, {}, { headers: bearer(reader.token) })).status).toBe(200);
    const request = new Request("http://127.0.0.1:3000/api/boards", { headers: bearer(reader.token) });
    const limited = await BOARDS(request, { params: Promise.resolve({}) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: "token_rate_limited" } });
  });

  it("logs the token's id on the request line, never the token", async () => {
    const operator = await createToken("operator");
    const logger = getLogger();
    const level = logger.level;
    logger.level = "info";
    onTestFinished(() => {
      logger.level = level;
    });
    const stream = (logger as unknown as Record<symbol, { write: (line: string) => unknown }>)[pino.symbols.streamSym]!;
    const write = vi.spyOn(stream, "write").mockImplementation(() => true);
    await addBatch(operator.token);
    const written = write.mock.calls.map(([line]) => String(line));
    write.mockRestore();
    const lines = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.msg === "request")).toMatchObject({ tokenId: operator.id, status: 201 });
    expect(lines.find((line) => line.msg === "request")).not.toHaveProperty("userId");
    expect(written.join("\n")).not.toContain(operator.token);
  });
});
