import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recentSendsPageSchema, type RecentSendsQuery } from "@/lib/recent-sends";
import { mockedDatabaseModule, mockedEnvModule, routeState, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { simulatorAccounts, simulatorForFile } from "@/lib/server/testing/simulator-accounts";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import type { ServiceContext } from "../service-context";
import { getPoller } from "../batches";
import { resolveConnectionById } from "../connections";
import { addWatchedBatch } from "../watched";
import { clearListCache } from "./list-cache";
import { listRecentSends } from "./recent-sends";

// The real adapters, lane and database against the real simulator: the environment's keys point at it.
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const simulator = simulatorForFile();
let temp: TempDatabase;

beforeEach(async () => {
  temp = await openTempDatabase();
  routeState.db = temp.db;
  await serveEnvConnectionsTo(temp.db, "t1");
  routeState.env = simulatorAccounts(simulator().url, ["migma", "mindo", "bolna", "sendgrid"]);
  clearListCache();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await temp.close();
});

const member = (teamId = "t1"): ServiceContext => ({ db: temp.db, actor: { id: `u-${teamId}`, teamId, role: "member", email: "a@x.io" } });
const list = async (query: RecentSendsQuery, ctx = member()) => recentSendsPageSchema.parse(await listRecentSends(ctx, query));
const times = (items: { createdAt: string | null }[]) => items.map((item) => Date.parse(item.createdAt ?? ""));

describe("recent sends against the simulator", () => {
  it("lists Mindo's bulk sends newest first with state and size, and says which the team watches", async () => {
    const first = await list({ connection: "env-mindo" });
    expect(first.supported).toBe(true);
    expect(first.items.length).toBeGreaterThanOrEqual(5);
    expect(times(first.items)).toEqual([...times(first.items)].sort((a, b) => b - a));
    const shipped = first.items.find((item) => item.name === "order_shipped")!;
    expect(shipped).toMatchObject({ provider: "mindo", state: "running", watched: false });
    expect(shipped.total).toBeGreaterThan(0);

    await addWatchedBatch(member(), { provider: "mindo", batchId: shipped.batchId, connectionId: "env-mindo" });
    const again = await list({ connection: "env-mindo" });
    expect(again.items.find((item) => item.batchId === shipped.batchId)).toMatchObject({ watched: true });
    // Another team cannot list through the environment's connection at all: it serves the first team only.
    await expect(list({ connection: "env-mindo" }, member("t2"))).rejects.toMatchObject({ code: "not_found" });
  });

  it("serves a repeated list from its short cache and filters it by name or id without another call", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    await list({ connection: "env-mindo" });
    const calls = fetchSpy.mock.calls.length;
    expect(calls).toBe(1);
    const searched = await list({ connection: "env-mindo", q: "CART" });
    expect(fetchSpy.mock.calls.length).toBe(calls);
    expect(searched.items.map((item) => item.name)).toEqual(["abandoned_cart"]);
    expect(searched.notes.join(" ")).toContain("each page the provider returns");
    const byId = await list({ connection: "env-mindo", q: searched.items[0]!.batchId.slice(-6) });
    expect(byId.items.map((item) => item.batchId)).toEqual([searched.items[0]!.batchId]);
  });

  it("merges Bolna's agents' batches newest first, and pages them with its own cursor", async () => {
    const page = await list({ connection: "env-bolna" });
    expect(page.items.map((item) => item.batchId)).toContain("00000000000000000000000000000a01");
    expect(times(page.items)).toEqual([...times(page.items)].sort((a, b) => b - a));
    expect(page.items.every((item) => item.provider === "bolna")).toBe(true);
    const running = await list({ connection: "env-bolna", status: "running" });
    expect(running.items.length).toBeGreaterThan(0);
    expect(running.items.every((item) => item.state === "running")).toBe(true);
    await expect(listRecentSends(member(), { connection: "env-bolna", cursor: "https://evil.test/" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("lists SendGrid's paused and cancelled batches with the ones Sendboard has seen, and says so", async () => {
    await addWatchedBatch(member(), { provider: "sendgrid", batchId: "sim-fresh-discover-seen", connectionId: "env-sendgrid" });
    const page = await list({ connection: "env-sendgrid" });
    const byId = new Map(page.items.map((item) => [item.batchId, item]));
    expect(byId.get("sim-paused")).toMatchObject({ state: "paused", watched: false });
    expect(byId.get("sim-cancelled")).toMatchObject({ state: "cancelled" });
    expect(byId.get("sim-fresh-discover-seen")).toMatchObject({ state: "unknown", watched: true });
    expect(page.notes.join(" ")).toContain("only paused and cancelled");
    // Another team sees neither the list nor what this team has seen.
    await expect(list({ connection: "env-sendgrid" }, member("t2"))).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers Migma with supported: false and a note, calling nobody", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const page = await list({ connection: "env-migma" });
    expect(page).toMatchObject({ supported: false, items: [], nextCursor: null });
    expect(page.notes[0]).toContain("paste the batch id");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("answers provider_busy at once when the on-demand share of the minute is spent", async () => {
    const connection = await resolveConnectionById("t1", "env-mindo");
    // Mindo's 60 a minute: 18 are the lists' share (the cases above spent some of it already).
    let spent = 0;
    while (await getPoller().runOnDemand(connection, 1, async () => true).catch(() => false)) spent += 1;
    expect(spent).toBeLessThanOrEqual(18);
    await expect(listRecentSends(member(), { connection: "env-mindo", status: "failed" })).rejects.toMatchObject({ code: "provider_busy", status: 503 });
  });

  it("answers not_found for a connection the team cannot use", async () => {
    await expect(listRecentSends(member(), { connection: "1b4e28ba-2fa1-41d2-883f-0016d3cca427" })).rejects.toMatchObject({ code: "not_found" });
  });
});
