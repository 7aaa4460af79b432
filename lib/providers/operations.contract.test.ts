import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recipientRowSchema } from "@/lib/recipient-row";
import { sendSummarySchema } from "@/lib/send-summary";
import { startSimulator, type Simulator } from "@/sim/server";
import { SIM_KEYS, SIM_SCENARIOS } from "@/sim/scenarios";
import type { ProviderId } from "./provider-id";
import { getAdapter } from "./registry";
import { REFUSALS } from "./sendgrid/control-refusal";
import { recordingObserver } from "./testing/recording-observer";
import type { OperationContext, ProviderOperations, RecipientsQuery } from "./types";

// Every adapter's list, control and recipient operations against the real simulator over
// loopback: the wire formats the simulator speaks are the ones the adapters read.

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({ port: 0, startedAt: Date.now() - 240_000 });
});
afterAll(() => simulator.close());

function contextOf(provider: ProviderId): OperationContext {
  const key = SIM_KEYS[provider];
  return {
    access: {
      baseUrl: simulator.url,
      readApiKey: () => key,
      timeoutMs: 5_000,
      observer: recordingObserver().observer,
    },
    now: new Date(),
  };
}

function operation<K extends keyof ProviderOperations>(
  provider: ProviderId,
  name: K,
): ProviderOperations[K] {
  const found = getAdapter(provider)[name];
  if (!found) throw new Error(`${provider} has no ${name}`);
  return found as ProviderOperations[K];
}

/** Every row of a batch for one outcome, following nextCursor to the end. */
async function allRecipients(provider: ProviderId, batchId: string, query: RecipientsQuery) {
  const listRecipients = operation(provider, "listRecipients");
  const rows = [];
  let cursor: string | null = null;
  do {
    const page = await listRecipients(batchId, { ...query, cursor }, contextOf(provider));
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

const countOf = (counts: { status: string; count: number }[], status: string) =>
  counts.find((c) => c.status === status)?.count ?? 0;

describe("mindo against the simulator", () => {
  it("pages through every bulk send once, and filters by state", async () => {
    const listBatches = operation("mindo", "listBatches");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listBatches({ cursor, pageSize: 4 }, contextOf("mindo"));
      for (const item of page.items) expect(sendSummarySchema.safeParse(item).success).toBe(true);
      seen.push(...page.items.map((item) => item.batchId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      expect.arrayContaining([SIM_SCENARIOS.mindo.running, SIM_SCENARIOS.mindo.partial]),
    );
    const partial = await listBatches({ status: "partial" }, contextOf("mindo"));
    expect(partial.items.length).toBeGreaterThan(0);
    expect(partial.items.every((item) => item.state === "partial")).toBe(true);
  });

  it("lists exactly as many failures and successes as the batch counts, with WhatsApp reasons", async () => {
    const id = SIM_SCENARIOS.mindo.partial;
    const snapshot = await getAdapter("mindo").getBatch(id, contextOf("mindo"));
    const failures = await allRecipients("mindo", id, { outcome: "failure", pageSize: 50 });
    expect(failures).toHaveLength(countOf(snapshot.counts, "failed"));
    expect(
      failures.every(
        (row) =>
          row.outcome === "failure" &&
          row.reason !== null &&
          recipientRowSchema.safeParse(row).success,
      ),
    ).toBe(true);
    const successes = await allRecipients("mindo", id, { outcome: "success", pageSize: 100 });
    expect(successes).toHaveLength(snapshot.funnel?.[0]?.count ?? -1);
    expect(new Set(successes.map((row) => row.status))).toEqual(
      new Set(["sent", "delivered", "read"]),
    );
  });
});

describe("bolna against the simulator", () => {
  it("lists agents, then each agent's batches", async () => {
    const agents = await operation("bolna", "listAgents")(contextOf("bolna"));
    expect(agents.map((agent) => agent.name)).toContain("Delivery confirmations");
    const ids = [];
    for (const agent of agents)
      ids.push(
        ...(
          await operation("bolna", "listAgentBatches")(agent.id, {}, contextOf("bolna"))
        ).items.map((item) => item.batchId),
      );
    expect(ids).toEqual(
      expect.arrayContaining([
        SIM_SCENARIOS.bolna.running,
        SIM_SCENARIOS.bolna.partial,
        SIM_SCENARIOS.bolna.completed,
      ]),
    );
  });

  it.each([
    ["a bare array", SIM_SCENARIOS.bolna.partial],
    ["the paged envelope", SIM_SCENARIOS.bolna.completed],
  ])(
    "reads the calls of a batch answering %s, as many per outcome as its counts",
    async (_form, id) => {
      const snapshot = await getAdapter("bolna").getBatch(id, contextOf("bolna"));
      const rows = await allRecipients("bolna", id, { pageSize: 20 });
      expect(rows).toHaveLength(snapshot.total ?? -1);
      for (const bucket of snapshot.counts)
        expect(rows.filter((row) => row.status === bucket.status)).toHaveLength(bucket.count);
      const failures = await allRecipients("bolna", id, { outcome: "failure" });
      expect(failures.length).toBe(
        snapshot.counts.filter((c) => c.outcome === "failure").reduce((sum, c) => sum + c.count, 0),
      );
    },
  );

  it("stops a fresh running batch, then says it is not running, and an unknown one not_found", async () => {
    const control = operation("bolna", "control");
    const id = "c0ffee0000000000000000000000c0de";
    expect(await control(id, "stop", contextOf("bolna"))).toEqual({ kind: "done" });
    expect((await getAdapter("bolna").getBatch(id, contextOf("bolna"))).providerStatus).toBe(
      "stopped",
    );
    expect(await control(id, "stop", contextOf("bolna"))).toMatchObject({
      kind: "refused",
      reason: "not_allowed",
    });
    await expect(
      control("3c90c3cc0d444b5088888dd25736052a", "stop", contextOf("bolna")),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("sendgrid against the simulator", () => {
  const control = (id: string, action: "pause" | "resume" | "cancel") =>
    operation("sendgrid", "control")(id, action, contextOf("sendgrid"));
  const stateOf = async (id: string) =>
    (await getAdapter("sendgrid").getBatch(id, contextOf("sendgrid"))).state;

  it("lists the paused and cancelled batches", async () => {
    const page = await operation("sendgrid", "listBatches")({}, contextOf("sendgrid"));
    expect(page.items).toContainEqual(
      expect.objectContaining({ batchId: "sim-paused", state: "paused" }),
    );
    expect(page.items).toContainEqual(
      expect.objectContaining({ batchId: "sim-cancelled", state: "cancelled" }),
    );
  });

  it("pauses, cancels and resumes a fresh batch, each step visible on the batch", async () => {
    const id = "sim-fresh-contract-1";
    expect(await control(id, "pause")).toEqual({ kind: "done" });
    expect(await stateOf(id)).toBe("paused");
    expect(await control(id, "pause")).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: "The batch is already paused.",
    });
    expect(await control(id, "cancel")).toEqual({ kind: "done" });
    expect(await stateOf(id)).toBe("cancelled");
    expect(await control(id, "resume")).toEqual({ kind: "done" });
    expect(await stateOf(id)).toBe("scheduled");
    expect(await control(id, "resume")).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: REFUSALS.notHeld,
    });
  });

  it("tells the 10-minute rule and the 10-batch limit in its own words", async () => {
    expect(await control("sim-fresh-contract-in4m", "pause")).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: REFUSALS.tooLate,
    });
    for (let i = 0; i < 10; i++)
      expect(await control(`sim-fresh-limit-${i}`, "cancel")).toEqual({ kind: "done" });
    expect(await control("sim-fresh-limit-10", "pause")).toEqual({
      kind: "refused",
      reason: "not_allowed",
      message: REFUSALS.maxReached,
    });
  });
});

describe("migma against the simulator", () => {
  it("offers no list, control or recipient operations", () => {
    const adapter = getAdapter("migma");
    expect([
      adapter.listBatches,
      adapter.listAgents,
      adapter.control,
      adapter.listRecipients,
    ]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
