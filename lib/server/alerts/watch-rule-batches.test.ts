import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import { readRuleTargets } from "./watch-rule-batches";

let temp: TempDatabase;
beforeEach(async () => (temp = await openTempDatabase()));
afterEach(async () => temp.close());

const at = "2026-01-01T00:00:00.000Z";
const ruleRow = (overrides: { board_id?: string; connection_id?: string; provider?: string; batch_id?: string }) => ({
  id: crypto.randomUUID(),
  team_id: "t1",
  board_id: null,
  connection_id: null,
  provider: null,
  batch_id: null,
  kind: "finished",
  threshold: null,
  minutes: null,
  contact_point_ids: "[]",
  created_by: "a",
  created_at: at,
  ...overrides,
});

describe("readRuleTargets", () => {
  it("reads every batch a rule covers once, its own or on its board, so it is polled with no screen open", async () => {
    const boardId = crypto.randomUUID();
    await temp.db.insertInto("boards").values({ id: boardId, team_id: "t1", name: "Wall", created_by: "a", created_at: at, updated_at: at }).execute();
    for (const [position, batchId] of ["b-1", "b-2"].entries()) {
      await temp.db.insertInto("board_batches").values({ id: crypto.randomUUID(), board_id: boardId, connection_id: "env-migma", provider: "migma", batch_id: batchId, position, added_at: at }).execute();
    }
    await temp.db.insertInto("alert_rules").values([ruleRow({ board_id: boardId }), ruleRow({ connection_id: "env-migma", provider: "migma", batch_id: "b-1" }), ruleRow({ connection_id: "env-mindo", provider: "mindo", batch_id: "m-9" })]).execute();
    const reads: string[] = [];
    const count = await readRuleTargets(temp.db, async (teamId, input, viewer) => void reads.push(`${teamId} ${input.connectionId} ${input.provider} ${input.batchId} ${viewer}`));
    expect(count).toBe(3);
    expect(reads.sort()).toEqual(["t1 env-migma migma b-1 system:alerts", "t1 env-migma migma b-2 system:alerts", "t1 env-mindo mindo m-9 system:alerts"]);
  });

  it("goes on past a batch that cannot be read", async () => {
    await temp.db.insertInto("alert_rules").values([ruleRow({ connection_id: "gone", provider: "migma", batch_id: "x" }), ruleRow({ connection_id: "env-migma", provider: "migma", batch_id: "y" })]).execute();
    const reads: string[] = [];
    await readRuleTargets(temp.db, async (_team, input) => {
      if (input.connectionId === "gone") throw new Error("no such connection");
      reads.push(input.batchId);
    });
    expect(reads).toEqual(["y"]);
  });
});
