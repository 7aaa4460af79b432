import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SIM_SCENARIOS } from "../scenarios";
import { startSimulator, type Simulator } from "../server";
import { simCall } from "../testing";
import { BOLNA_AGENTS } from "./bolna-catalogue";

type Json = Record<string, unknown>;
type Execution = Json & { status: string; telephony_data: Json | null; context_details: Json };

const FRESH = "c0ffee00000000000000000000000000";
const tally = (rows: { status: string }[]) =>
  rows.reduce<Record<string, number>>(
    (counts, row) => ({ ...counts, [row.status]: (counts[row.status] ?? 0) + 1 }),
    {},
  );

describe("bolna simulator: agents, batch lists, executions and stop", () => {
  let sim: Simulator;
  const get = async (path: string) => {
    const answer = await simCall(sim, "bolna", path);
    expect(answer.status, path).toBe(200);
    return answer.json;
  };
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, startedAt: Date.now() - 240_000, durationSeconds: 600 });
  });
  afterAll(() => sim.close());
  afterEach(() => sim.resetState());

  it("lists agents and each agent's batches as bare arrays of the GET /batches/{id} objects", async () => {
    const agents = (await get("/v2/agent/all")) as Json[];
    expect(agents.map((agent) => agent.agent_name)).toEqual([
      "Renewal reminders",
      "Delivery confirmations",
      "Sendboard test agent",
    ]);
    expect(agents[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      agent_status: "processed",
      created_at: expect.any(String),
    });
    const batches = (await get(`/batches/${BOLNA_AGENTS.deliveries.id}/all`)) as Json[];
    expect(Array.isArray(batches)).toBe(true);
    expect(batches.map((batch) => batch.batch_id)).toEqual(
      expect.arrayContaining([SIM_SCENARIOS.bolna.partial, "00000000000000000000000000000a01"]),
    );
    const partial = batches.find((batch) => batch.batch_id === SIM_SCENARIOS.bolna.partial);
    expect(partial).toEqual(await get(`/batches/${SIM_SCENARIOS.bolna.partial}`));
    expect(
      await simCall(sim, "bolna", "/batches/00000000-0000-0000-0000-000000000000/all"),
    ).toMatchObject({ status: 404, json: { message: "Agent not found" } });
    expect((await simCall(sim, "bolna", "/v2/agent/all", { headers: {} })).status).toBe(403);
  });

  it("answers executions as a bare array for an even id, one per valid contact, adding up to execution_status", async () => {
    const id = SIM_SCENARIOS.bolna.partial;
    const rows = (await get(`/batches/${id}/executions`)) as Execution[];
    const batch = (await get(`/batches/${id}`)) as Json;
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(Number(batch.valid_contacts));
    expect(tally(rows)).toEqual(batch.execution_status);
    const failed = rows.find((row) => row.status === "failed");
    expect(failed).toMatchObject({ error_message: expect.any(String), batch_id: id });
    const busy = rows.find((row) => row.status === "busy");
    expect(busy?.telephony_data).toMatchObject({
      hangup_by: "Carrier",
      hangup_reason: "Recipient line busy",
      to_number: expect.stringMatching(/^\+91[789]\d{9}$/),
    });
  });

  it("answers executions as a paged envelope for an odd id", async () => {
    const id = SIM_SCENARIOS.bolna.completed;
    const first = (await get(`/batches/${id}/executions?page_number=1&page_size=50`)) as Json & {
      data: Execution[];
    };
    expect(Object.keys(first)).toEqual(["page_number", "page_size", "total", "has_more", "data"]);
    expect(first).toMatchObject({ page_number: 1, page_size: 50, total: 184, has_more: true });
    const last = (await get(`/batches/${id}/executions?page_number=4&page_size=50`)) as Json & {
      data: Execution[];
    };
    expect([last.has_more, last.data.length]).toEqual([false, 34]);
    expect((await simCall(sim, "bolna", `/batches/${id}/executions?page_size=51`)).status).toBe(
      422,
    );
  });

  it("stops a running batch for real: its status turns stopped and its progress freezes", async () => {
    await get(`/batches/${FRESH}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await simCall(sim, "bolna", `/batches/${FRESH}/stop`, { method: "POST" })).toMatchObject(
      { status: 200, json: { message: "success", state: "stopped" } },
    );
    const stopped = (await get(`/batches/${FRESH}`)) as Json & {
      execution_status: Record<string, number>;
    };
    expect(stopped.status).toBe("stopped");
    expect(stopped.execution_status.stopped).toBeGreaterThan(0);
    expect(stopped.execution_status).not.toHaveProperty("queued");
    await new Promise((resolve) => setTimeout(resolve, 700));
    const later = (await get(`/batches/${FRESH}`)) as typeof stopped;
    expect(later.execution_status.stopped).toBe(stopped.execution_status.stopped);
    const rows = (await get(`/batches/${FRESH}/executions`)) as Execution[];
    expect(tally(rows).stopped).toBe(stopped.execution_status.stopped);
    expect(rows.find((row) => row.status === "stopped")).toMatchObject({
      telephony_data: null,
      context_details: { recipient_phone_number: expect.stringMatching(/^\+1\d{10}$/) },
    });
  });

  it("refuses to stop what is not queued or running, with Bolna's 404, and an unknown batch alike", async () => {
    const refused = { status: 404, json: { message: "Batch is not queued or running" } };
    await get(`/batches/${FRESH}`);
    await simCall(sim, "bolna", `/batches/${FRESH}/stop`, { method: "POST" });
    expect(await simCall(sim, "bolna", `/batches/${FRESH}/stop`, { method: "POST" })).toMatchObject(
      refused,
    );
    for (const id of [
      SIM_SCENARIOS.bolna.completed,
      SIM_SCENARIOS.bolna.scheduled,
      SIM_SCENARIOS.bolna.queued,
      "3c90c3cc0d444b5088888dd25736052a",
    ]) {
      expect(
        await simCall(sim, "bolna", `/batches/${id}/stop`, { method: "POST" }),
        id,
      ).toMatchObject(refused);
    }
    expect((await simCall(sim, "bolna", `/batches/${FRESH}/stop`)).status).toBe(405);
  });

  it("lists fresh batches under the test agent, and forgets them and every stop on a state reset", async () => {
    await get(`/batches/${FRESH}`);
    await simCall(sim, "bolna", `/batches/${SIM_SCENARIOS.bolna.running}/stop`, { method: "POST" });
    const listed = (await get(`/batches/${BOLNA_AGENTS.tests.id}/all`)) as Json[];
    expect(listed.map((batch) => batch.batch_id)).toEqual([FRESH]);
    expect(((await get(`/batches/${SIM_SCENARIOS.bolna.running}`)) as Json).status).toBe("stopped");
    expect((await fetch(`${sim.url}/__sim/state/reset`, { method: "POST" })).status).toBe(200);
    expect(await get(`/batches/${BOLNA_AGENTS.tests.id}/all`)).toEqual([]);
    expect(((await get(`/batches/${SIM_SCENARIOS.bolna.running}`)) as Json).status).toBe(
      "executed",
    );
  });
});
