import type pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
// First: the mocks below are built from it, and the modules after it load the mocked ones.
import { addTeamUser, callRoute, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import type { Kysely } from "kysely";
import type { SessionUser } from "@/lib/server/people/sessions";
import type { Database } from "@/lib/server/db/schema";
import { getPoller } from "@/lib/server/batches";
import { getLogger } from "@/lib/server/logger";
import { forgetPushLiveness, POLL_CADENCE } from "@/lib/server/polling";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";
import { hashToken } from "@/lib/server/security/tokens";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { SIM_KEYS, SIM_SCENARIOS } from "@/sim/scenarios";
import { startSimulator } from "@/sim/server";
import { GET as READ_BATCH } from "../../../batches/[provider]/[batchId]/route";
import { GET as RECIPIENTS } from "../../../batches/[provider]/[batchId]/recipients/route";
import { forgetRecipientLists } from "@/lib/server/recipients";
import { GET as STATUS, PATCH as SET_ALLOWLIST, POST as ROTATE } from "../../../connections/[id]/bolna-hook/route";
import { DELETE as REMOVE_CONNECTION } from "../../../connections/[id]/route";
import { POST as ADD_CONNECTION } from "../../../connections/route";
import { POST } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const CONNECTION = "env-bolna";
const RUNNING = SIM_SCENARIOS.bolna.running;
const BOLNA_SOURCE = "13.203.39.153";

let simulator: Awaited<ReturnType<typeof startSimulator>>;
let db: Kysely<Database>;
let close: () => Promise<void>;
let admin: SessionUser;
let member: SessionUser;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  state.env = { BOLNA_API_URL: simulator.url, BOLNA_API_KEY: SIM_KEYS.bolna, UPSTREAM_TIMEOUT_MS: "4000" };
});
afterAll(async () => {
  getPoller().stop();
  await simulator.close();
});
beforeEach(async () => {
  forgetPushLiveness();
  forgetRecipientLists();
  simulator.resetCounts();
  ({ db, close } = await openTempDatabase());
  state.db = db;
  admin = await serveEnvConnectionsTo(db, "team-a");
  member = await addTeamUser(db, "team-a", "member@a.test", "member");
  state.user = admin;
});
afterEach(async () => {
  state.user = null;
  await close();
});

async function createHook(): Promise<string> {
  state.user = admin;
  const answer = await callRoute(ROTATE, { id: CONNECTION }, { method: "POST" });
  expect(answer.status).toBe(201);
  const { url } = answer.json as { url: string };
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/hooks\/bolna\/[A-Za-z0-9_-]{43}$/);
  return url.split("/").pop()!;
}

// As Bolna posts it: no cookie, no Origin, from its one documented address.
function post(token: string, body: string | object, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const request = new Request(`http://127.0.0.1:3000/api/hooks/bolna/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: BOLNA_SOURCE, ...headers },
    body: text,
  });
  return POST(request, { params: Promise.resolve({ token }) }).then(async (response) => ({ status: response.status, json: (await response.json()) as Record<string, unknown> }));
}

const execution = (id: string | number, status: string, batchId = RUNNING) => ({
  id,
  agent_id: "agent-1",
  batch_id: batchId,
  status,
  conversation_duration: 42,
  telephony_data: { to_number: "+919876500001", hangup_reason: null, provider: "plivo" },
  unknown_future_field: { nested: true },
});

const eventRows = () => db.selectFrom("bolna_hook_events").selectAll().execute();

describe("POST /api/hooks/bolna/{token}", () => {
  it("stores an execution once per (execution, status): a retry is acknowledged and changes nothing", async () => {
    const token = await createHook();
    const first = await post(token, execution("e-1", "ringing"));
    expect(first).toEqual({ status: 200, json: { received: "new" } });
    expect(await post(token, execution("e-1", "ringing"))).toEqual({ status: 200, json: { received: "duplicate" } });
    // A new status of the same call is news; integer ids (Bolna's payload notes) are read as strings.
    expect((await post(token, execution("e-1", "completed"))).json).toEqual({ received: "new" });
    expect((await post(token, execution(7432382142914, "completed"))).json).toEqual({ received: "new" });
    expect((await eventRows()).map((row) => `${row.execution_id}/${row.status}`).sort()).toEqual(["7432382142914/completed", "e-1/completed", "e-1/ringing"]);
    state.user = admin;
    const status = (await callRoute(STATUS, { id: CONNECTION })).json as { eventsReceived: number; lastEventAt: string | null; live: boolean };
    expect(status).toMatchObject({ eventsReceived: 3, live: true });
    expect(status.lastEventAt).not.toBeNull();
  });

  it("updates that call's row in the recipients the batch page holds, without another provider call", async () => {
    const token = await createHook();
    state.user = member;
    type Page = { items: { recipient: string; status: string; reason: string | null; details: { executionId?: string } }[] };
    const read = async () => (await callRoute(RECIPIENTS, { provider: "bolna", batchId: RUNNING }, { path: `/api/batches/bolna/${RUNNING}/recipients` })).json as Page;
    const before = await read();
    const call = before.items.find((item) => item.status !== "completed" && item.details.executionId);
    expect(call).toBeDefined();
    await post(token, { ...execution(call!.details.executionId!, "completed"), telephony_data: { to_number: call!.recipient, hangup_reason: "Agent ended the call" } });
    const after = await read();
    const row = after.items.find((item) => item.details.executionId === call!.details.executionId);
    expect(row).toMatchObject({ recipient: call!.recipient, status: "completed", reason: "Agent ended the call" });
  });

  it("coalesces a storm: a thousand events of one batch make one batch call per request gap, not one per event", async () => {
    const token = await createHook();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, index) => post(token, execution(`storm-${index}`, "completed"))));
    // SQLite takes them in well under a second; PostgreSQL on a busy machine in a few.
    const spreadMs = Date.now() - started;
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    await vi.waitFor(() => expect(simulator.callCount("bolna", RUNNING)).toBeGreaterThanOrEqual(1), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, POLL_CADENCE.requestGapMs + 500));
    // One at once, then at most one per gap while events keep coming, and one after the last.
    expect(simulator.callCount("bolna", RUNNING)).toBeLessThanOrEqual(2 + Math.ceil(spreadMs / POLL_CADENCE.requestGapMs));
  }, 30_000);

  it("while the hook is live, viewers are told to ask every second and the scheduler's own cadence is stretched", async () => {
    const token = await createHook();
    state.user = member;
    const before = await callRoute(READ_BATCH, { provider: "bolna", batchId: RUNNING }, { path: `/api/batches/bolna/${RUNNING}` });
    expect(before.status).toBe(200);
    expect((before.json as { polling: Record<string, unknown> }).polling.viewerPaceMs).toBeUndefined();
    await post(token, execution("live-1", "in-progress"));
    const after = (await callRoute(READ_BATCH, { provider: "bolna", batchId: RUNNING })).json as { polling: { viewerPaceMs?: number; intervalMs: number } };
    expect(after.polling.viewerPaceMs).toBe(POLL_CADENCE.pushed.viewerPaceMs);
    // The stretch shows at the next pump, which the requested poll caused.
    await vi.waitFor(async () => {
      const read = (await callRoute(READ_BATCH, { provider: "bolna", batchId: RUNNING })).json as { polling: { intervalMs: number } };
      expect(read.polling.intervalMs).toBe(POLL_CADENCE.runningMs * POLL_CADENCE.pushed.stretch);
    });
  });

  it("refuses a rotated token at once with 404, and the new one works", async () => {
    const old = await createHook();
    const fresh = await createHook();
    expect(fresh).not.toBe(old);
    const refused = await post(old, execution("r-1", "ringing"));
    expect(refused.status).toBe(404);
    expect(refused.json).toMatchObject({ error: { code: "not_found" } });
    expect((await post(fresh, execution("r-1", "ringing"))).status).toBe(200);
    // Only the hash is stored.
    const rows = await db.selectFrom("bolna_hooks").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(fresh));
    expect(JSON.stringify(rows)).not.toContain(fresh);
    expect((await post("not-a-token", execution("r-2", "ringing"))).status).toBe(404);
  });

  it("a removed connection takes its hook URL with it; a connection of another provider has none", async () => {
    state.user = admin;
    const added = (await callRoute(ADD_CONNECTION, {}, { method: "POST", body: { provider: "bolna", name: "Calls", apiKey: SIM_KEYS.bolna } })).json as { id: string };
    const created = (await callRoute(ROTATE, { id: added.id }, { method: "POST" })).json as { url: string };
    const token = created.url.split("/").pop()!;
    expect((await post(token, execution("x-1", "ringing"))).status).toBe(200);
    expect((await callRoute(REMOVE_CONNECTION, { id: added.id }, { method: "DELETE" })).status).toBe(204);
    expect((await post(token, execution("x-2", "ringing"))).status).toBe(404);
    expect(await db.selectFrom("bolna_hooks").selectAll().execute()).toHaveLength(0);
    expect(await eventRows()).toHaveLength(0);
    const migma = (await callRoute(ADD_CONNECTION, {}, { method: "POST", body: { provider: "migma", name: "Mail", apiKey: SIM_KEYS.migma } })).json as { id: string };
    expect((await callRoute(ROTATE, { id: migma.id }, { method: "POST" })).status).toBe(400);
  });

  it("with an allowlist, refuses other source addresses (403); TRUSTED_PROXY_HOPS picks the client's hop", async () => {
    const token = await createHook();
    state.user = admin;
    const set = await callRoute(SET_ALLOWLIST, { id: CONNECTION }, { method: "PATCH", body: { allowlist: [BOLNA_SOURCE] } });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ allowlist: [BOLNA_SOURCE] });
    const other = await post(token, execution("a-1", "ringing"), { [PEER_ADDRESS_HEADER]: "203.0.113.9" });
    expect(other.status).toBe(403);
    expect(await eventRows()).toHaveLength(0);
    expect((await post(token, execution("a-1", "ringing"))).status).toBe(200);
    // Behind one proxy the peer is the proxy; the address it appended is the client's.
    const unproxied = state.env;
    state.env = { ...unproxied, TRUSTED_PROXY_HOPS: "1" };
    onTestFinished(() => void (state.env = unproxied));
    const proxied = { [PEER_ADDRESS_HEADER]: "10.0.0.2" };
    expect((await post(token, execution("a-2", "ringing"), { ...proxied, "x-forwarded-for": `${BOLNA_SOURCE}` })).status).toBe(200);
    expect((await post(token, execution("a-3", "ringing"), { ...proxied, "x-forwarded-for": `${BOLNA_SOURCE}, 198.51.100.7` })).status).toBe(403);
    const bad = await callRoute(SET_ALLOWLIST, { id: CONNECTION }, { method: "PATCH", body: { allowlist: ["not-an-ip"] } });
    expect(bad.status).toBe(400);
  });

  it("answers 413 past 1 MB, 400 for bad JSON or a body that is not an execution, and ignores calls outside a batch", async () => {
    const token = await createHook();
    const huge = JSON.stringify({ ...execution("big", "completed"), transcript: "x".repeat(1024 * 1024) });
    expect((await post(token, huge)).status).toBe(413);
    const broken = await post(token, "{not json");
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ error: { code: "bad_request" } });
    expect((await post(token, { status: "completed" })).status).toBe(400);
    expect((await post(token, [execution("x", "completed")])).status).toBe(400);
    expect((await post(token, { ...execution("solo", "completed"), batch_id: null })).json).toEqual({ received: "ignored" });
    expect(await eventRows()).toHaveLength(0);
  });

  it("is a machine call: a browser's cross-site headers do not matter, while the admin API keeps the check", async () => {
    const token = await createHook();
    const crossSite = { "sec-fetch-site": "cross-site", origin: "https://elsewhere.example" };
    expect((await post(token, execution("c-1", "ringing"), crossSite)).status).toBe(200);
    state.user = admin;
    const rotate = await callRoute(ROTATE, { id: CONNECTION }, { method: "POST", headers: crossSite });
    expect(rotate.status).toBe(403);
    expect(rotate.json).toMatchObject({ error: { code: "cross_site_request" } });
  });

  it("lets only admins create, rotate or read a hook; the activity log records it; no token in any log line", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(getLogger(), "info").mockImplementation(function (this: pino.Logger, ...args: unknown[]) {
      lines.push(JSON.stringify(args));
    } as never);
    onTestFinished(() => spy.mockRestore());
    state.user = member;
    expect((await callRoute(ROTATE, { id: CONNECTION }, { method: "POST" })).status).toBe(403);
    expect((await callRoute(STATUS, { id: CONNECTION })).status).toBe(403);
    const token = await createHook();
    await post(token, execution("l-1", "ringing"));
    expect(lines.join("\n")).not.toContain(token);
    const audit = await db.selectFrom("audit_events").select(["action", "outcome"]).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: "connection.update", outcome: "refused" }, { action: "connection.update", outcome: "ok" }]));
  });
});
