import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
// First: the mocks below are built from it, and the modules after it load the mocked ones.
import { addTeamUser, mockedDatabaseModule, mockedEnvModule, mockedSessionModule, routeState as state, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { getAdapter } from "@/lib/providers/registry";
import { recipientsPageSchema, type RecipientsPage } from "@/lib/recipients";
import { getPoller } from "@/lib/server/batches";
import { getLogger } from "@/lib/server/logger";
import { createBoard } from "@/lib/server/boards";
import { forgetRecipientLists } from "@/lib/server/recipients";
import { createShareLink } from "@/lib/server/share-links";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { storeSendGridEvents } from "@/lib/server/hooks/sendgrid/store-events";
import { SIM_KEYS, SIM_SCENARIOS } from "@/sim/scenarios";
import { startSimulator } from "@/sim/server";
import type * as batchesModule from "@/lib/server/batches";
import { GET as getCsv } from "../recipients.csv/route";
import { GET } from "./route";

vi.mock("@/lib/server/session", () => mockedSessionModule());
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));
type BatchesModule = typeof batchesModule;
// The scheduler's on-demand lane, as a test wants it: by default it runs every call.
const lane = vi.hoisted(() => ({ refuseAfter: Number.POSITIVE_INFINITY, calls: 0 }));
vi.mock("@/lib/server/batches", async (original) => ({
  ...(await original<BatchesModule>()),
  runOnDemand: async <T,>(_connection: unknown, _calls: number, run: () => Promise<T>): Promise<T> => {
    lane.calls += 1;
    if (lane.calls > lane.refuseAfter) {
      const { AppError } = await import("@/lib/errors");
      throw new AppError("provider_busy", "Mindo's budget is in use: try again in 7 s.", { retryAfterSeconds: 7 });
    }
    return run();
  },
}));

let simulator: Awaited<ReturnType<typeof startSimulator>>;
let close: () => Promise<void>;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  state.env = {
    MINDO_API_URL: simulator.url,
    MINDO_API_KEY: SIM_KEYS.mindo,
    BOLNA_API_URL: simulator.url,
    BOLNA_API_KEY: SIM_KEYS.bolna,
    SENDGRID_API_URL: simulator.url,
    SENDGRID_API_KEY: SIM_KEYS.sendgrid,
    UPSTREAM_TIMEOUT_MS: "4000",
  };
});
afterAll(async () => {
  getPoller().stop();
  await simulator.close();
});
beforeEach(async () => {
  forgetRecipientLists();
  Object.assign(lane, { refuseAfter: Number.POSITIVE_INFINITY, calls: 0 });
  const temp = await openTempDatabase();
  state.db = temp.db;
  close = temp.close;
  await serveEnvConnectionsTo(temp.db, "team-a");
  state.user = await addTeamUser(temp.db, "team-a", "owner@a.test", "member");
});
afterEach(async () => {
  vi.restoreAllMocks();
  await close();
});

// A Mindo send of 900 messages, 9 % failed, with Meta's error titles (sim/providers/mindo-catalogue.ts).
const ABANDONED_CART = "00000000-0000-4000-8000-0000000000a2";

type Provider = "mindo" | "bolna" | "migma" | "sendgrid";
const call = (handler: typeof GET, provider: Provider, batchId: string, query = "") =>
  handler(new Request(`http://127.0.0.1:3000/api/batches/${provider}/${batchId}/recipients${query}`), {
    params: Promise.resolve({ provider, batchId }),
  });
const rows = async (provider: Provider, batchId: string, query = ""): Promise<RecipientsPage> => {
  const answer = await call(GET, provider, batchId, query);
  expect(answer.status).toBe(200);
  return recipientsPageSchema.parse(await answer.json());
};

describe("GET /api/batches/{provider}/{batchId}/recipients", () => {
  it("lists a Mindo send's failures unmasked for a team member, grouped by reason over all of them", async () => {
    const page = await rows("mindo", ABANDONED_CART, "?outcome=failure");
    expect(page.supported).toBe(true);
    expect(page.items.length).toBe(50);
    expect(page.items.every((row) => row.outcome === "failure" && row.reason)).toBe(true);
    expect(page.items[0]!.recipient).toMatch(/^\+\d{8,}$/);
    expect(page.reasonsOver).toEqual({ rows: 81, complete: true });
    expect(page.reasons.reduce((sum, reason) => sum + reason.count, 0)).toBe(81);
    expect(page.reasons[0]!.count).toBeGreaterThanOrEqual(page.reasons.at(-1)!.count);
    // The second page comes from the cache: no further provider call.
    const spy = vi.spyOn(getAdapter("mindo"), "listRecipients");
    const next = await rows("mindo", ABANDONED_CART, `?outcome=failure&cursor=${page.nextCursor}`);
    expect(next.items.length).toBe(31);
    expect(next.nextCursor).toBeNull();
    expect(new Set([...page.items, ...next.items].map((row) => row.recipient)).size).toBe(81);
    expect(spy).not.toHaveBeenCalled();
  });

  it("searches the recipient, the status and the reason; the breakdown stays over every failure", async () => {
    const all = await rows("mindo", ABANDONED_CART, "?outcome=failure");
    const reason = all.reasons[0]!;
    const byReason = await rows("mindo", ABANDONED_CART, `?outcome=failure&q=${encodeURIComponent(reason.reason.toUpperCase())}`);
    expect(byReason.items.length).toBe(Math.min(50, reason.count));
    expect(byReason.items.every((row) => row.reason === reason.reason)).toBe(true);
    expect(byReason.reasons).toEqual(all.reasons);
    const number = all.items[3]!.recipient;
    const spaced = `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
    const byNumber = await rows("mindo", ABANDONED_CART, `?outcome=failure&q=${encodeURIComponent(spaced)}`);
    expect(byNumber.items.map((row) => row.recipient)).toEqual([number]);
  });

  it("reads a Bolna batch's calls with their status, duration and hang-up reason", async () => {
    const page = await rows("bolna", SIM_SCENARIOS.bolna.partial);
    expect(page.supported).toBe(true);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.some((row) => row.outcome === "success")).toBe(true);
    const failed = await rows("bolna", SIM_SCENARIOS.bolna.partial, "?outcome=failure");
    expect(failed.items.every((row) => row.outcome === "failure")).toBe(true);
    expect(failed.reasonsOver?.complete).toBe(true);
  });

  it("says plainly what Migma cannot show, without a provider call", async () => {
    const migma = await rows("migma", SIM_SCENARIOS.migma.partial);
    expect(migma).toMatchObject({ supported: false, items: [], reasons: [], nextCursor: null });
    expect(migma.notes[0]).toMatch(/Migma does not report its recipients/);
  });

  it("lists SendGrid's recipients from its Event Webhook: failures by SendGrid's reason, filters and search, no provider call", async () => {
    const batchId = SIM_SCENARIOS.sendgrid.scheduled;
    expect(await rows("sendgrid", batchId)).toMatchObject({ supported: true, items: [], reasons: [] });
    const event = (id: string, message: string, name: string, extra: Record<string, unknown> = {}) => ({ sg_event_id: id, sg_message_id: message, event: name, email: `${message}@example.com`, batch_id: batchId, ...extra });
    await storeSendGridEvents(state.db!, { connectionId: "env-sendgrid", batchArg: "batch_id" }, [
      event("e1", "ann", "delivered"),
      event("e2", "bob", "bounce", { type: "bounce", reason: "550 unknown user" }),
      event("e3", "cid", "bounce", { type: "blocked", reason: "blocklisted" }),
      event("e4", "dee", "dropped"),
      event("e5", "eve", "deferred", { response: "451 later" }),
      // Another batch's message is not this batch's row.
      event("e6", "fay", "bounce", { type: "bounce", reason: "550 unknown user", batch_id: "other" }),
    ]);
    const all = await rows("sendgrid", batchId);
    expect(all.items.map((row) => row.recipient).sort()).toEqual(["ann@example.com", "bob@example.com", "cid@example.com", "dee@example.com", "eve@example.com"]);
    expect(all.reasons).toEqual(expect.arrayContaining([{ reason: "550 unknown user", count: 1 }, { reason: "blocklisted", count: 1 }, { reason: "No reason given", count: 1 }]));
    const failed = await rows("sendgrid", batchId, "?outcome=failure");
    expect(failed.items.map((row) => [row.recipient, row.status, row.reason]).sort()).toEqual([
      ["bob@example.com", "bounced", "550 unknown user"],
      ["cid@example.com", "blocked", "blocklisted"],
      ["dee@example.com", "dropped", null],
    ]);
    expect((await rows("sendgrid", batchId, "?outcome=active")).items.map((row) => row.reason)).toEqual(["451 later"]);
    expect((await rows("sendgrid", batchId, "?q=BLOCK")).items.map((row) => row.recipient)).toEqual(["cid@example.com"]);
  });

  it("refuses a share token with 403, even a valid one and even beside a session", async () => {
    const owner = { db: state.db!, actor: state.user! };
    const board = await createBoard(owner, { name: "Launch", batches: [{ provider: "mindo", batchId: ABANDONED_CART }] });
    const link = await createShareLink(owner, { target: { boardId: board.id }, origin: "https://sendboard.example" });
    const spy = vi.spyOn(getAdapter("mindo"), "listRecipients");
    for (const handler of [GET, getCsv]) {
      const answer = await call(handler, "mindo", ABANDONED_CART, `?share=${link.token}`);
      expect(answer.status).toBe(403);
      expect(await answer.json()).toMatchObject({ error: { code: "forbidden" } });
      state.user = null;
      expect((await call(handler, "mindo", ABANDONED_CART, `?share=${link.token}`)).status).toBe(403);
      expect((await call(handler, "mindo", ABANDONED_CART)).status).toBe(401);
      state.user = owner.actor;
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it("spends one lane call per provider page, answers 503 with Retry-After when the lane is busy, and keeps what it read", async () => {
    lane.refuseAfter = 0;
    const refused = await call(GET, "mindo", ABANDONED_CART, "?outcome=success");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("7");
    expect(await refused.json()).toMatchObject({ error: { code: "provider_busy" } });
    // 900 messages, 100 a page: rows 60–110 need a second page, which the lane refuses.
    Object.assign(lane, { refuseAfter: 1, calls: 0 });
    const partial = await rows("mindo", ABANDONED_CART, "?cursor=60");
    expect(lane.calls).toBe(2);
    expect(partial.items).toHaveLength(40);
    expect(partial.nextCursor).toBe("100");
    expect(partial.notes).toContain("Mindo's budget is in use: try again in 7 s.");
  });

  it("refuses a cursor it did not make, an unknown outcome, and another team's connection", async () => {
    expect((await call(GET, "mindo", ABANDONED_CART, "?cursor=https://evil.example/")).status).toBe(400);
    expect((await call(GET, "mindo", ABANDONED_CART, "?outcome=everyone")).status).toBe(400);
    expect((await call(GET, "mindo", ABANDONED_CART, "?connection=4b0c1d5e-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("never writes a recipient or a search to the log, and answers an unknown batch 404", async () => {
    // The suite runs with LOG_LEVEL=silent; this test reads the lines itself.
    const logger = getLogger();
    const level = logger.level;
    logger.level = "debug";
    onTestFinished(() => {
      logger.level = level;
    });
    const stream = (logger as unknown as Record<symbol, { write: (line: string) => unknown }>)[pino.symbols.streamSym]!;
    const write = vi.spyOn(stream, "write").mockImplementation(() => true);
    const page = await rows("mindo", ABANDONED_CART, "?outcome=failure");
    const number = page.items[0]!.recipient;
    await rows("mindo", ABANDONED_CART, `?outcome=failure&q=${encodeURIComponent(number)}`);
    await call(getCsv, "mindo", ABANDONED_CART, `?q=${encodeURIComponent(number)}`);
    expect((await call(GET, "mindo", "00000000-0000-4000-8000-00000000ffff")).status).toBe(404);
    const logged = write.mock.calls.map(([line]) => String(line)).join("\n");
    expect(write).toHaveBeenCalled();
    for (const row of page.items) expect(logged).not.toContain(row.recipient.slice(1));
  });
});

describe("GET /api/batches/{provider}/{batchId}/recipients.csv", () => {
  it("exports the filtered rows masked, one line each, with a header", async () => {
    const shown = await rows("mindo", ABANDONED_CART, "?outcome=failure");
    const reason = shown.reasons[0]!;
    const answer = await call(getCsv, "mindo", ABANDONED_CART, `?outcome=failure&q=${encodeURIComponent(reason.reason)}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toBe(
      `attachment; filename="mindo-${ABANDONED_CART}-recipients-failure.csv"`,
    );
    const lines = (await answer.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^recipient,outcome,status,reason,at/);
    expect(lines.length - 1).toBe(reason.count);
    // The masked number starts with "+", so it gets the apostrophe every formula-like field gets.
    for (const line of lines.slice(1)) expect(line).toMatch(/^'\+\d{1,3} \d•• ••• •+\d\d,failure,failed,/);
    const full = shown.items.filter((row) => row.reason === reason.reason).map((row) => row.recipient.slice(1));
    for (const number of full) expect(lines.join("\n")).not.toContain(number);
  });
});
