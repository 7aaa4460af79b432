import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "@/sim/server";
import { SIM_KEYS, SIM_SCENARIOS } from "@/sim/scenarios";
import type { getBatchSnapshot as GetBatchSnapshot } from "./batch-service";

// The real adapters against the real simulator over HTTP: nothing under test is mocked.
let simulator: Awaited<ReturnType<typeof startSimulator>>;
let getBatchSnapshot: typeof GetBatchSnapshot;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, slowMs: 2_000 });
  Object.assign(process.env, {
    AUTH_SECRET: "x".repeat(32),
    ADMIN_EMAIL: "admin@example.com",
    ADMIN_PASSWORD: "password1",
    ENCRYPTION_KEY: "ef".repeat(32),
    MIGMA_API_URL: simulator.url,
    MINDO_API_URL: simulator.url,
    BOLNA_API_URL: simulator.url,
    MIGMA_API_KEY: SIM_KEYS.migma,
    MINDO_API_KEY: SIM_KEYS.mindo,
    BOLNA_API_KEY: SIM_KEYS.bolna,
    SENDGRID_API_KEY: "",
    UPSTREAM_TIMEOUT_MS: "500",
  });
  ({ getBatchSnapshot } = await import("./batch-service"));
});

afterAll(async () => {
  await simulator.close();
});

describe("getBatchSnapshot", () => {
  it("answers many concurrent viewers with one upstream call", async () => {
    const id = SIM_SCENARIOS.mindo.running;
    const snapshots = await Promise.all(Array.from({ length: 25 }, () => getBatchSnapshot("mindo", id)));
    expect(new Set(snapshots.map((s) => s.fetchedAt)).size).toBe(1);
    expect(snapshots[0]).toMatchObject({ provider: "mindo", batchId: id, state: "running" });
    expect(simulator.callCount("mindo", id)).toBe(1);
  });

  it("reuses a terminal batch's answer instead of asking again", async () => {
    const id = SIM_SCENARIOS.migma.completed;
    for (let i = 0; i < 5; i++) await getBatchSnapshot("migma", id);
    expect(simulator.callCount("migma", id)).toBe(1);
  });

  it("does not cache failures: the next request asks again", async () => {
    const id = SIM_SCENARIOS.bolna["fault-500"];
    await expect(getBatchSnapshot("bolna", id)).rejects.toMatchObject({ code: "provider_error" });
    await expect(getBatchSnapshot("bolna", id)).rejects.toMatchObject({ code: "provider_error" });
    expect(simulator.callCount("bolna", id)).toBe(2);
  });

  it("validates before any upstream call", async () => {
    await expect(getBatchSnapshot("mailchimp", "x")).rejects.toMatchObject({ code: "invalid_provider", status: 400 });
    await expect(getBatchSnapshot("bolna", "../user/me")).rejects.toMatchObject({ code: "invalid_batch_id", status: 400 });
    await expect(getBatchSnapshot("sendgrid", SIM_SCENARIOS.sendgrid.paused)).rejects.toMatchObject({ code: "not_configured", status: 503 });
  });

  it("gives up on a slow provider at the configured timeout", async () => {
    // The simulator answers after 2 s; a timeout error proves the 0.5 s bound cut the wait.
    await expect(getBatchSnapshot("migma", SIM_SCENARIOS.migma["fault-slow"])).rejects.toMatchObject({ code: "provider_timeout", status: 502 });
  });
});
