import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderId } from "../lib/providers/provider-id";
import { SIM_KEYS, SIM_SCENARIOS, simMigmaBatchEndingAt, type ScenarioName } from "./scenarios";
import { startSimulator, type Simulator, type SimulatorOptions } from "./server";

type Json = Record<string, unknown>;

const AUTH: Record<ProviderId, Record<string, string>> = {
  migma: { Authorization: `Bearer ${SIM_KEYS.migma}` },
  mindo: { "X-API-Key": SIM_KEYS.mindo },
  bolna: { Authorization: `Bearer ${SIM_KEYS.bolna}` },
  sendgrid: { Authorization: `Bearer ${SIM_KEYS.sendgrid}` },
};

const BATCH_PATH: Record<ProviderId, (id: string) => string> = {
  migma: (id) => `/v1/sending/batches/${id}`,
  mindo: (id) => `/api/v1/meta-templates/bulk-sends/${id}/`,
  bolna: (id) => `/batches/${id}`,
  sendgrid: (id) => `/v3/user/scheduled_sends/${id}`,
};

function get(sim: Simulator, path: string, headers: Record<string, string> = {}) {
  return fetch(`${sim.url}${path}`, { headers, redirect: "manual" });
}

function getBatch(sim: Simulator, provider: ProviderId, scenario: ScenarioName) {
  return get(sim, BATCH_PATH[provider](SIM_SCENARIOS[provider][scenario]), AUTH[provider]);
}

async function batchJson(sim: Simulator, provider: ProviderId, scenario: ScenarioName) {
  const response = await getBatch(sim, provider, scenario);
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

/** Runs `fn` against a simulator whose running batches started `elapsedS` seconds ago. */
async function atElapsed<T>(elapsedS: number, fn: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ port: 0, startedAt: Date.now() - elapsedS * 1000 });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

const sum = (counts: Json) => Object.values(counts).reduce<number>((a, n) => a + Number(n), 0);

describe("running batches progress with wall time", () => {
  const elapsed = [60, 300, 700];

  it("migma: processing → completed, queued + sent + failed = total", async () => {
    const data = await Promise.all(
      elapsed.map((s) =>
        atElapsed(s, async (sim) => (await batchJson(sim, "migma", "running")).data as Json),
      ),
    );
    expect(data.map((d) => d.status)).toEqual(["processing", "processing", "completed"]);
    const sent = data.map((d) => Number(d.sentCount));
    expect(sent[0]).toBeLessThan(sent[1]!);
    expect(sent[1]).toBeLessThan(sent[2]!);
    for (const d of data) {
      expect(Number(d.queuedCount) + Number(d.sentCount) + Number(d.failedCount)).toBe(
        d.totalCount,
      );
      expect(Number(d.failedCount)).toBeLessThan(Number(d.totalCount) * 0.05);
    }
  });

  it("mindo: funnel read ⊆ delivered ⊆ sent that lags behind sends", async () => {
    const bodies = await Promise.all(
      elapsed.map((s) => atElapsed(s, (sim) => batchJson(sim, "mindo", "running"))),
    );
    expect(bodies.map((b) => b.status)).toEqual(["PROCESSING", "PROCESSING", "PARTIAL"]);
    for (const b of bodies) {
      const [sent, delivered, read] = [b.sent_count, b.delivered_count, b.read_count].map(Number);
      expect(read).toBeLessThanOrEqual(delivered!);
      expect(delivered).toBeLessThanOrEqual(sent!);
      expect(Number(b.sent_count) + Number(b.failed_count) + Number(b.pending_count)).toBe(
        b.total_recipients,
      );
    }
    expect(Number(bodies[1]!.delivered_count)).toBeLessThan(Number(bodies[1]!.sent_count));
    expect(bodies[0]!.completed_at).toBeNull();
    expect(bodies[2]!.completed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("bolna: calls move through the pipeline until the batch is executed", async () => {
    const bodies = await Promise.all(
      elapsed.map((s) => atElapsed(s, (sim) => batchJson(sim, "bolna", "running"))),
    );
    // "executed" from the first dial on; only execution_status tells whether calls are in flight.
    expect(bodies.map((b) => b.status)).toEqual(["executed", "executed", "executed"]);
    const calls = bodies.map((b) => b.execution_status as Json);
    expect(Number(calls[0]!.completed ?? 0)).toBeLessThan(Number(calls[1]!.completed));
    expect(calls[1]).toHaveProperty("call-disconnected");
    expect(Object.keys(calls[2]!).sort()).toEqual(["busy", "completed", "failed", "no-answer"]);
    for (const b of bodies) {
      expect(sum(b.execution_status as Json)).toBe(b.valid_contacts);
      expect(Number(b.valid_contacts)).toBeLessThan(Number(b.total_contacts));
      expect(b.from_phone_numbers).toBeInstanceOf(Array);
      expect(b.humanized_created_at).toMatch(/ago$/);
    }
  });

  it("running-fast finishes within about a minute", async () => {
    await atElapsed(70, async (sim) => {
      expect(((await batchJson(sim, "migma", "running-fast")).data as Json).status).toBe(
        "completed",
      );
      expect((await batchJson(sim, "mindo", "running-fast")).status).toMatch(
        /^(COMPLETED|PARTIAL)$/,
      );
      expect((await batchJson(sim, "bolna", "running-fast")).status).toBe("executed");
    });
  });
});

describe("one simulator", () => {
  let sim: Simulator;
  const options: SimulatorOptions = { port: 0, slowMs: 150 };
  beforeAll(async () => {
    sim = await startSimulator(options);
  });
  afterAll(() => sim.close());

  it("answers with each provider's own auth errors", async () => {
    const path = (p: ProviderId) => BATCH_PATH[p](SIM_SCENARIOS[p].running);
    const cases: [ProviderId, Record<string, string>, number, unknown][] = [
      ["migma", {}, 401, expect.objectContaining({ success: false, code: "UNAUTHORIZED" })],
      ["migma", { Authorization: "Bearer nope" }, 401, expect.objectContaining({ success: false })],
      [
        "mindo",
        {},
        401,
        { error: "Este endpoint requiere autenticacion con API Key (header X-API-Key)" },
      ],
      ["mindo", { "X-API-Key": "mindo_wrong" }, 401, { error: "API Key expirada" }],
      ["bolna", {}, 403, { detail: "Not authenticated" }],
      ["bolna", { Authorization: "Bearer nope" }, 403, { detail: expect.any(String) }],
      ["sendgrid", {}, 401, { errors: [{ field: null, message: "authorization required" }] }],
    ];
    for (const [provider, headers, status, body] of cases) {
      const response = await get(sim, path(provider), headers);
      expect(response.status, provider).toBe(status);
      expect(await response.json(), provider).toEqual(body);
    }
  });

  it("accepts each key on the cheap key-check endpoints", async () => {
    const checks: [ProviderId, string][] = [
      ["migma", "/v1/projects"],
      ["migma", "/api/v1/projects"],
      ["mindo", "/api/v1/business-accounts/"],
      ["bolna", "/user/me"],
      ["sendgrid", "/v3/scopes"],
    ];
    for (const [provider, path] of checks)
      expect((await get(sim, path, AUTH[provider])).status).toBe(200);
    const scopes = (await (await get(sim, "/v3/scopes", AUTH.sendgrid)).json()) as Json;
    expect(scopes.scopes).toEqual(
      expect.arrayContaining(["mail.batch.read", "user.scheduled_sends.read"]),
    );
  });

  it("redirects Mindo paths without the trailing slash, like Django", async () => {
    const id = SIM_SCENARIOS.mindo.running;
    const response = await get(sim, `/api/v1/meta-templates/bulk-sends/${id}`);
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(`/api/v1/meta-templates/bulk-sends/${id}/`);
  });

  it("answers SendGrid's pause/cancel state as an array and validates batch ids", async () => {
    expect(await batchJson(sim, "sendgrid", "paused")).toEqual([
      { batch_id: "sim-paused", status: "pause" },
    ]);
    expect(await batchJson(sim, "sendgrid", "cancelled")).toEqual([
      { batch_id: "sim-cancelled", status: "cancel" },
    ]);
    expect(await batchJson(sim, "sendgrid", "scheduled")).toEqual([]);
    const valid = await get(sim, "/v3/mail/batch/sim-scheduled", AUTH.sendgrid);
    expect(await valid.json()).toEqual({ batch_id: "sim-scheduled" });
    const invalid = await get(sim, "/v3/mail/batch/nope", AUTH.sendgrid);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      errors: [{ field: null, message: "invalid batch id" }],
    });
    for (const name of ["Limit", "Remaining", "Reset"]) {
      expect(invalid.headers.get(`x-ratelimit-${name}`)).toMatch(/^\d+$/);
    }
  });

  it("answers fault-429 with Retry-After: 5 for every provider", async () => {
    for (const provider of ["migma", "mindo", "bolna", "sendgrid"] as const) {
      const response = await getBatch(sim, provider, "fault-429");
      expect(response.status, provider).toBe(429);
      expect(response.headers.get("retry-after"), provider).toBe("5");
    }
    const sendgrid = await getBatch(sim, "sendgrid", "fault-429");
    expect(sendgrid.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await sendgrid.json()).toEqual({
      errors: [{ field: null, message: "too many requests" }],
    });
  });

  it("serves the other faults", async () => {
    for (const provider of ["migma", "mindo", "bolna", "sendgrid"] as const) {
      expect((await getBatch(sim, provider, "fault-500")).status).toBe(500);
      const html = await getBatch(sim, provider, "fault-502-html");
      expect([html.status, html.headers.get("content-type")]).toEqual([502, "text/html"]);
      const truncated = await getBatch(sim, provider, "fault-invalid-json");
      expect(truncated.status).toBe(200);
      await expect(truncated.json()).rejects.toThrow();
      expect((await getBatch(sim, provider, "fault-wrong-types")).status).toBe(200);
      const started = Date.now();
      expect((await getBatch(sim, provider, "fault-slow")).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    }
  });

  it("serves the docs' examples verbatim and 404s unknown batches", async () => {
    const bolna = await getBatch(sim, "bolna", "docs-example");
    expect(await bolna.text()).toContain('"updated_at": "2024-02-29T04:22:89Z"');
    const mindo = await getBatch(sim, "mindo", "docs-example");
    expect(await mindo.text()).toContain('"progress_percentage": 100.0');
    const notFound: [ProviderId, string, unknown][] = [
      ["migma", "sim-paused", expect.objectContaining({ success: false, code: "NOT_FOUND" })],
      ["mindo", "a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c", { detail: "Not found." }],
      ["bolna", "3c90c3cc0d444b5088888dd25736052a", { message: "Batch not found" }],
    ];
    for (const [provider, id, body] of notFound) {
      const response = await get(sim, BATCH_PATH[provider](id), AUTH[provider]);
      expect(response.status, provider).toBe(404);
      expect(await response.json()).toEqual(body);
    }
  });

  it("answers Migma's SDK spelling 'pending' for sim-pending", async () => {
    const response = await get(sim, BATCH_PATH.migma("sim-pending"), AUTH.migma);
    expect(((await response.json()) as { data: Json }).data.status).toBe("pending");
  });

  it("counts batch-status calls per provider and batch", async () => {
    await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
    await getBatch(sim, "migma", "completed");
    await getBatch(sim, "migma", "completed");
    await get(sim, BATCH_PATH.bolna(SIM_SCENARIOS.bolna.completed));
    await get(sim, "/v1/projects", AUTH.migma);
    const stats = (await (await fetch(`${sim.url}/__sim/stats`)).json()) as Json;
    expect(stats).toEqual({
      calls: {
        "migma:sim-completed": 2,
        [`bolna:${SIM_SCENARIOS.bolna.completed}`]: 1,
      },
      dropped: {},
    });
    expect(sim.callCount()).toBe(3);
    expect(sim.callCount("migma")).toBe(2);
    expect(sim.callCount("bolna", SIM_SCENARIOS.bolna.completed)).toBe(1);
    sim.resetCounts();
    expect(sim.callCount()).toBe(0);
  });
});

describe("a Migma batch that ends at a given time", () => {
  it("runs until then and is completed, without failures, from then on", async () => {
    const sim = await startSimulator({ port: 0, startedAt: Date.now() - 60_000 });
    try {
      const dataOf = async (endsAt: number) => {
        const response = await get(sim, BATCH_PATH.migma(simMigmaBatchEndingAt(endsAt)), AUTH.migma);
        return ((await response.json()) as { data: Json }).data;
      };
      const later = await dataOf(Date.now() + 60_000);
      expect(later.status).toBe("processing");
      expect(Number(later.sentCount)).toBeGreaterThan(0);
      const endedAt = Date.now() - 5_000;
      const ended = await dataOf(endedAt);
      expect(ended).toMatchObject({ status: "completed", failedCount: 0, queuedCount: 0, updatedAt: new Date(endedAt).toISOString() });
    } finally {
      await sim.close();
    }
  });
});

describe("startSimulator", () => {
  it("refuses to listen on a non-loopback address", async () => {
    await expect(startSimulator({ port: 0, host: "0.0.0.0" })).rejects.toThrow(/loopback/);
  });

  it("uses ids from the shared contract", () => {
    expect(SIM_SCENARIOS.migma["fault-500"]).toBe("sim-fault-500");
    expect(SIM_SCENARIOS.mindo.running).toBe("00000000-0000-4000-8000-000000000002");
    expect(SIM_SCENARIOS.bolna["running-fast"]).toBe("00000000000000000000000000000017");
  });
});

describe("outage switch", () => {
  it("drops provider connections while on and serves again when lifted", async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      const url = `${sim.url}/batches/${SIM_SCENARIOS.bolna.running}`;
      const headers = { Authorization: `Bearer ${SIM_KEYS.bolna}` };
      expect((await fetch(`${sim.url}/__sim/outage`, { method: "POST" })).status).toBe(200);
      await expect(fetch(url, { headers })).rejects.toThrow();
      await expect(fetch(`${sim.url}/v1/sending/batches/sim-running`, { headers })).rejects.toThrow();
      expect((await fetch(`${sim.url}/__sim/outage`, { method: "DELETE" })).status).toBe(200);
      expect((await fetch(url, { headers })).status).toBe(200);
      // What the outage turned away, per provider: how hard Sendboard kept trying.
      const stats = (await (await fetch(`${sim.url}/__sim/stats`)).json()) as Json;
      expect(stats.dropped).toEqual({ bolna: 1, migma: 1 });
    } finally {
      await sim.close();
    }
  });
});
