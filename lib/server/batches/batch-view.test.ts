import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "@/sim/server";
import { SIM_KEYS, SIM_SCENARIOS } from "@/sim/scenarios";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { BatchRef } from "@/lib/batch-ref";
import type { ResolvedConnection } from "../connections";
import { readPolledView } from "./batch-view";
import { getPoller } from "./poller";

// The real scheduler and adapters against the real simulator over HTTP: nothing under test is mocked.
let simulator: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, slowMs: 2_000 });
  Object.assign(process.env, {
    AUTH_SECRET: "x".repeat(32),
    ADMIN_EMAIL: "admin@example.com",
    ADMIN_PASSWORD: "password12",
    ENCRYPTION_KEY: "ef".repeat(32),
    APP_URL: "http://127.0.0.1:3000",
    UPSTREAM_TIMEOUT_MS: "500",
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "sendboard-service-")),
  });
});

afterAll(async () => {
  getPoller().stop();
  await simulator.close();
});

function simConnection(provider: ProviderId, key: string = SIM_KEYS[provider]): ResolvedConnection {
  return { id: `test-${provider}-${key.length}`, provider, name: "Simulator", baseUrl: simulator.url, budgetPerMinute: 600, readApiKey: () => key };
}

const read = (ref: BatchRef, connection: ResolvedConnection) => readPolledView(connection, ref, "internal");

describe("readPolledView", () => {
  it("answers many concurrent viewers with one upstream call and says when the next comes", async () => {
    const ref = { provider: "mindo", batchId: SIM_SCENARIOS.mindo.running } as const;
    const views = await Promise.all(Array.from({ length: 25 }, () => read(ref, simConnection("mindo"))));
    expect(new Set(views.map((view) => view.snapshot.fetchedAt)).size).toBe(1);
    expect(views[0]!.snapshot).toMatchObject({ provider: "mindo", batchId: ref.batchId, state: "running", stale: false });
    expect(views[0]!.polling).toMatchObject({ intervalMs: 2_000, final: false, lastError: null });
    expect(Date.parse(views[0]!.polling.nextUpdateAt!)).toBeGreaterThan(Date.parse(views[0]!.snapshot.fetchedAt));
    // One call for all 25; a loaded machine may let the next scheduled poll (2 s later) start
    // before this line runs, and only that one.
    const pollsSince = Math.floor((Date.now() - Date.parse(views[0]!.snapshot.fetchedAt)) / 2_000);
    expect(simulator.callCount("mindo", ref.batchId)).toBeLessThanOrEqual(1 + pollsSince);
  });

  it("serves a terminal batch from the scheduler instead of asking again", async () => {
    const ref = { provider: "migma", batchId: SIM_SCENARIOS.migma.completed } as const;
    for (let i = 0; i < 5; i++) await read(ref, simConnection("migma"));
    expect(simulator.callCount("migma", ref.batchId)).toBe(1);
  });

  it("answers a provider failure with its error when there was never a snapshot", async () => {
    const ref = { provider: "bolna", batchId: SIM_SCENARIOS.bolna["fault-500"] } as const;
    await expect(read(ref, simConnection("bolna"))).rejects.toMatchObject({ code: "provider_error", status: 502 });
  });

  it("reports a rejected key without the key", async () => {
    const ref = { provider: "migma", batchId: SIM_SCENARIOS.migma.running } as const;
    const error = await read(ref, simConnection("migma", "sk_test_wrong_key_123")).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "provider_auth_failed", status: 502 });
    expect(String((error as Error).message)).not.toContain("sk_test_wrong_key_123");
  });

  it("gives up on a slow provider at the configured timeout", async () => {
    // The simulator answers after 2 s; a timeout error proves the 0.5 s bound cut the wait.
    const ref = { provider: "sendgrid", batchId: SIM_SCENARIOS.sendgrid["fault-slow"] } as const;
    await expect(read(ref, simConnection("sendgrid"))).rejects.toMatchObject({ code: "provider_timeout", status: 502 });
  });
});
