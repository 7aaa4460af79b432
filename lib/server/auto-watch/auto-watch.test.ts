import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SIM_KEYS } from "@/sim/scenarios";
import { BOLNA_AGENTS } from "@/sim/providers/bolna-catalogue";
import { isTerminalState, type BatchState } from "@/lib/batch-snapshot";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { mockedDatabaseModule, mockedEnvModule, routeState, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { simulatorAccounts, simulatorForFile } from "@/lib/server/testing/simulator-accounts";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import type { ServiceContext } from "../service-context";
import { createBoard } from "../boards";
import { resolveConnectionById } from "../connections";
import { fetchBatchPage } from "../sends";
import { clearListCache } from "../sends/list-cache";
import { createAutoWatchRule, listAutoWatchRules, removeAutoWatchRule, updateAutoWatchRule } from "./rules";
import { runDueAutoWatchRules } from "./run-rules";

// Rules, the runner and the database against the real simulator (the environment's keys point at it).
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const simulator = simulatorForFile();
let temp: TempDatabase;

beforeEach(async () => {
  temp = await openTempDatabase();
  routeState.db = temp.db;
  await serveEnvConnectionsTo(temp.db, "t1");
  routeState.env = simulatorAccounts(simulator().url, ["migma", "mindo", "bolna"]);
  clearListCache();
  simulator().resetState();
});
afterEach(async () => temp.close());

const as = (role: "admin" | "operator" | "member"): ServiceContext => ({ db: temp.db, actor: { id: `u-${role}`, teamId: "t1", role, email: `${role}@x.io` } });
const boardBatchIds = async (boardId: string) =>
  (await temp.db.selectFrom("board_batches").select("batch_id").where("board_id", "=", boardId).orderBy("position").execute()).map((row) => row.batch_id);
const auditActions = async () => (await temp.db.selectFrom("audit_events").select(["action", "actor_kind", "outcome", "target_id"]).orderBy("at").execute());

/** A fresh Bolna batch of the test agent: the simulator starts it when it is first asked for. */
async function startFreshBolnaBatch(suffix: string): Promise<string> {
  const batchId = `c0ffee${suffix.padStart(26, "0")}`;
  const response = await fetch(`${simulator().url}/batches/${batchId}`, { headers: { Authorization: `Bearer ${SIM_KEYS.bolna}` } });
  expect(response.status).toBe(200);
  return batchId;
}

async function newBoard(name = "Wall") {
  return createBoard(as("member"), { name, batches: [] });
}

describe("auto-watch rules", () => {
  it("lets operators and admins follow a connection, records each change, and refuses members (recorded too)", async () => {
    const board = await newBoard();
    const rule = await createAutoWatchRule(as("operator"), { boardId: board.id, input: { connectionId: "env-bolna", nameContains: "calls" } });
    expect(rule).toMatchObject({ provider: "bolna", nameContains: "calls", removeAfterMinutes: null, createdBy: "operator@x.io" });
    await updateAutoWatchRule(as("admin"), { boardId: board.id, ruleId: rule.id, changes: { removeAfterMinutes: 30 } });
    expect(await listAutoWatchRules(as("member"), { boardId: board.id })).toMatchObject([{ id: rule.id, removeAfterMinutes: 30 }]);
    await expect(createAutoWatchRule(as("member"), { boardId: board.id, input: { connectionId: "env-mindo" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createAutoWatchRule(as("admin"), { boardId: board.id, input: { connectionId: "env-bolna" } })).rejects.toMatchObject({ code: "conflict" });
    await expect(createAutoWatchRule(as("admin"), { boardId: board.id, input: { connectionId: "env-migma" } })).rejects.toMatchObject({ code: "bad_request" });
    await removeAutoWatchRule(as("operator"), { boardId: board.id, ruleId: rule.id });
    expect(await listAutoWatchRules(as("member"), { boardId: board.id })).toEqual([]);
    expect((await auditActions()).map(({ action, outcome }) => `${action}:${outcome}`)).toEqual([
      "auto_watch.create:ok",
      "auto_watch.update:ok",
      "auto_watch.create:refused",
      "auto_watch.remove:ok",
    ]);
  });

  it("keeps another team's board out of reach", async () => {
    const board = await newBoard();
    const stranger: ServiceContext = { db: temp.db, actor: { id: "s", teamId: "t2", role: "admin", email: "s@y.io" } };
    await expect(createAutoWatchRule(stranger, { boardId: board.id, input: { connectionId: "env-bolna" } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("puts a new send of the followed agent on the board, as Sendboard itself, and only once however many instances run", async () => {
    const board = await newBoard();
    await createAutoWatchRule(as("operator"), { boardId: board.id, input: { connectionId: "env-bolna", agentId: BOLNA_AGENTS.tests.id } });
    const fresh = await startFreshBolnaBatch("a1");

    // Three instances at the same moment: one takes the rule, one insert puts the send on the board.
    await Promise.all([runDueAutoWatchRules(temp.db), runDueAutoWatchRules(temp.db), runDueAutoWatchRules(temp.db)]);
    expect(await boardBatchIds(board.id)).toEqual([fresh]);
    // Not due again yet: nothing listed; due, but the send was added already: nothing added twice.
    await runDueAutoWatchRules(temp.db);
    clearListCache();
    await runDueAutoWatchRules(temp.db, new Date(Date.now() + 31_000));
    expect(await boardBatchIds(board.id)).toEqual([fresh]);
    const added = (await auditActions()).filter((event) => event.action === "auto_watch.add_send");
    expect(added).toEqual([{ action: "auto_watch.add_send", actor_kind: "system", outcome: "ok", target_id: fresh }]);

    // A second new send shows up at the next run.
    const second = await startFreshBolnaBatch("a2");
    clearListCache();
    await runDueAutoWatchRules(temp.db, new Date(Date.now() + 62_000));
    expect(await boardBatchIds(board.id)).toEqual([fresh, second]);
  });

  it("leaves finished sends from before the rule off the board, and filters by name", async () => {
    const board = await newBoard();
    await createAutoWatchRule(as("admin"), { boardId: board.id, input: { connectionId: "env-mindo" } });
    await runDueAutoWatchRules(temp.db);
    const rows = await temp.db.selectFrom("board_batches").select("batch_id").where("board_id", "=", board.id).execute();
    expect(rows.length).toBeGreaterThan(0);
    const states = await listedStates(rows.map((row) => row.batch_id));
    expect(states).toHaveLength(rows.length);
    expect(states.some((state) => isTerminalState(state))).toBe(false);

    const filtered = await newBoard("Orders");
    await createAutoWatchRule(as("admin"), { boardId: filtered.id, input: { connectionId: "env-mindo", nameContains: "ORDER_ship" } });
    await runDueAutoWatchRules(temp.db);
    expect(await boardBatchIds(filtered.id)).toHaveLength(1);
  });

  it("takes a finished send it added off the board once its minutes are up, once", async () => {
    const board = await newBoard();
    const rule = await createAutoWatchRule(as("operator"), { boardId: board.id, input: { connectionId: "env-bolna", agentId: BOLNA_AGENTS.tests.id, removeAfterMinutes: 5 } });
    const fresh = await startFreshBolnaBatch("b1");
    await runDueAutoWatchRules(temp.db);
    expect(await boardBatchIds(board.id)).toEqual([fresh]);

    const finishedAt = new Date(Date.now() + 60_000).toISOString();
    const snapshot = blankSnapshot({ provider: "bolna", batchId: fresh, state: "completed", total: 40, processed: 40, completedAt: finishedAt, fetchedAt: finishedAt });
    await temp.db.insertInto("batch_snapshots").values({ poll_key: `env-bolna:bolna:${fresh}`, fetched_at: finishedAt, state: "completed", processed: 40, total: 40, data: JSON.stringify(snapshot) }).execute();

    // Four minutes after it finished it stays; six minutes after, it goes.
    clearListCache();
    await runDueAutoWatchRules(temp.db, new Date(Date.parse(finishedAt) + 4 * 60_000));
    expect(await boardBatchIds(board.id)).toEqual([fresh]);
    clearListCache();
    await Promise.all([runDueAutoWatchRules(temp.db, new Date(Date.parse(finishedAt) + 6 * 60_000)), runDueAutoWatchRules(temp.db, new Date(Date.parse(finishedAt) + 6 * 60_000))]);
    expect(await boardBatchIds(board.id)).toEqual([]);
    // Gone for good: the rule does not put it back.
    clearListCache();
    await runDueAutoWatchRules(temp.db, new Date(Date.parse(finishedAt) + 7 * 60_000));
    expect(await boardBatchIds(board.id)).toEqual([]);
    const dropped = (await auditActions()).filter((event) => event.action === "auto_watch.drop_send");
    expect(dropped).toEqual([{ action: "auto_watch.drop_send", actor_kind: "system", outcome: "ok", target_id: fresh }]);
    expect(rule.removeAfterMinutes).toBe(5);
  });
});

async function listedStates(batchIds: string[]): Promise<BatchState[]> {
  const page = await fetchBatchPage(await resolveConnectionById("t1", "env-mindo"), {});
  expect(page.items.some((item) => isTerminalState(item.state))).toBe(true);
  return page.items.filter((item) => batchIds.includes(item.batchId)).map((item) => item.state);
}
