import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
// First: the mocks below are built from it, and the modules after it load the mocked ones.
import { addTeamUser, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { boardSnapshotSchema } from "@/lib/board-snapshot";
import { getPoller } from "@/lib/server/batches";
import { createBoard } from "@/lib/server/boards";
import type { ServiceContext } from "@/lib/server/service-context";
import { createShareLink, revokeShareLink } from "@/lib/server/share-links";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { SIM_KEYS, SIM_SCENARIOS } from "@/sim/scenarios";
import { startSimulator } from "@/sim/server";
import { GET as getBatch } from "../../../batches/[provider]/[batchId]/route";
import { GET as getSharedSnapshot } from "../../../share/[token]/snapshot/route";
import { GET } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let simulator: Awaited<ReturnType<typeof startSimulator>>;
let close: () => Promise<void>;
let owner: ServiceContext;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  state.env = { MIGMA_API_URL: simulator.url, MIGMA_API_KEY: SIM_KEYS.migma, UPSTREAM_TIMEOUT_MS: "4000" };
});
afterAll(async () => {
  getPoller().stop();
  await simulator.close();
});
beforeEach(async () => {
  const temp = await openTempDatabase();
  state.db = temp.db;
  close = temp.close;
  await serveEnvConnectionsTo(temp.db, "team-a");
  state.user = await addTeamUser(temp.db, "team-a", "owner@a.test", "member");
  owner = { db: temp.db, actor: state.user };
});
afterEach(async () => close());

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1:3000${path}`, { headers });
const snapshot = (boardId: string, query = "", headers: Record<string, string> = {}) =>
  GET(get(`/api/boards/${boardId}/snapshot${query}`, headers), { params: Promise.resolve({ id: boardId }) });
// As a board card asked for it: through the connection the board stores.
const batch = (provider: "migma" | "sendgrid", batchId: string, headers: Record<string, string> = {}) =>
  getBatch(get(`/api/batches/${provider}/${batchId}?connection=env-${provider}`, headers), { params: Promise.resolve({ provider, batchId }) });

const COMPLETED = SIM_SCENARIOS.migma.completed;
const RUNNING = SIM_SCENARIOS.migma.running;
const SCHEDULED = SIM_SCENARIOS.sendgrid.scheduled;

describe("GET /api/boards/{id}/snapshot", () => {
  it("answers every batch as the batch endpoint does, its error included, then 304 while nothing changed", async () => {
    const board = await createBoard(owner, {
      name: "Launch",
      batches: [
        { provider: "migma", batchId: COMPLETED, label: "Done" },
        { provider: "migma", batchId: RUNNING },
        { provider: "sendgrid", batchId: SCHEDULED },
      ],
    });
    const answer = await snapshot(board.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    const etag = answer.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"/);
    const body = boardSnapshotSchema.parse(await answer.json());
    expect(body).toMatchObject({ kind: "board", name: "Launch", expiresAt: null, summary: { done: 1, running: 1, unknown: 1 } });
    // The pace is the running batch's: the completed one will not change again.
    expect(body.pace.intervalMs).toBe(body.batches[1]!.view?.polling?.intervalMs);
    expect(body.batches.map(({ id, label }) => ({ id, label }))).toEqual(board.batches.map(({ id, label }) => ({ id, label })));

    const single = await batch("migma", COMPLETED);
    expect(body.batches[0]!.view).toEqual(await single.json());
    const unconfigured = await batch("sendgrid", SCHEDULED);
    expect(unconfigured.status).toBeGreaterThanOrEqual(400);
    expect({ error: body.batches[2]!.error }).toEqual(await unconfigured.json());

    // The completed batch never changes: its own endpoint answers 304 to its own tag.
    const singleTag = single.headers.get("etag") ?? "";
    expect((await batch("migma", COMPLETED, { "If-None-Match": singleTag })).status).toBe(304);
    expect((await batch("migma", COMPLETED, { "If-None-Match": 'W/"other"' })).status).toBe(200);
    // The board snapshot while the running batch awaits its next poll: quoting the tag costs no body.
    const again = await snapshot(board.id, "", { "If-None-Match": etag });
    if (again.headers.get("etag") === etag) {
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
    } else expect(again.status).toBe(200);
  });

  it("does not hold the other batches back for one whose first answer is slow", async () => {
    const board = await createBoard(owner, {
      name: "Slow",
      batches: [{ provider: "migma", batchId: COMPLETED }, { provider: "migma", batchId: SIM_SCENARIOS.migma["fault-slow"] }],
    });
    const started = Date.now();
    const body = boardSnapshotSchema.parse(await (await snapshot(board.id)).json());
    // The simulator answers the slow batch after 15 s, the upstream call gives up after 4 s, the snapshot waits 1.5 s.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(body.batches[0]!.view?.state).toBe("completed");
    expect(body.batches[1]).not.toHaveProperty("view");
    expect(body.batches[1]).not.toHaveProperty("error");
    expect(body.pace.intervalMs).toBe(1_000);
  });

  it("refuses strangers: no session 401, another team's board 404", async () => {
    const board = await createBoard(owner, { name: "Private", batches: [] });
    state.user = null;
    expect((await snapshot(board.id)).status).toBe(401);
    state.user = await addTeamUser(owner.db, "team-b", "other@b.test", "admin");
    expect((await snapshot(board.id)).status).toBe(404);
    expect((await snapshot("not-a-board")).status).toBe(404);
  });

  it("takes the board's share token instead of a session, for that board only, until it is revoked", async () => {
    state.user = null;
    const board = await createBoard(owner, { name: "Shared", batches: [{ provider: "migma", batchId: COMPLETED }] });
    const other = await createBoard(owner, { name: "Other", batches: [] });
    const link = await createShareLink(owner, { target: { boardId: board.id }, origin: "https://sendboard.example" });
    const shared = await snapshot(board.id, `?share=${link.token}`);
    expect(shared.status).toBe(200);
    const body = boardSnapshotSchema.parse(await shared.json());
    expect(body).toMatchObject({ kind: "board", name: "Shared", expiresAt: link.expiresAt });
    expect(body.batches[0]!.view?.state).toBe("completed");
    expect((await snapshot(other.id, `?share=${link.token}`)).status).toBe(403);
    const unchanged = await snapshot(board.id, `?share=${link.token}`, { "If-None-Match": shared.headers.get("etag") ?? "" });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");

    const byToken = await getSharedSnapshot(get(`/api/share/${link.token}/snapshot`), { params: Promise.resolve({ token: link.token }) });
    expect(byToken.status).toBe(200);
    expect(byToken.headers.get("referrer-policy")).toBe("no-referrer");
    expect(byToken.headers.get("etag")).toBe(shared.headers.get("etag"));

    await revokeShareLink(owner, { linkId: link.id });
    expect((await snapshot(board.id, `?share=${link.token}`)).status).toBe(410);
  });

  it("shows a one-batch link as a board of one", async () => {
    const link = await createShareLink(owner, { target: { batch: { provider: "migma", batchId: COMPLETED } }, origin: "https://sendboard.example" });
    const answer = await getSharedSnapshot(get(`/api/share/${link.token}/snapshot`), { params: Promise.resolve({ token: link.token }) });
    const body = boardSnapshotSchema.parse(await answer.json());
    expect(body).toMatchObject({ kind: "batch", summary: { done: 1 } });
    expect(body.batches).toHaveLength(1);
    expect(body.batches[0]!.view?.batchId).toBe(COMPLETED);
  });
});
