import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import { readFiringAlerts } from "./firing";

let temp: TempDatabase;
beforeEach(async () => (temp = await openTempDatabase()));
afterEach(async () => temp.close());

async function rule(kind: string, teamId = "t1") {
  const id = crypto.randomUUID();
  await temp.db.insertInto("alert_rules").values({ id, team_id: teamId, board_id: null, connection_id: "c", provider: "migma", batch_id: "b", kind, threshold: null, minutes: 5, contact_point_ids: "[]", created_by: "a", created_at: "2026-01-01T00:00:00.000Z" }).execute();
  return id;
}
async function incident(ruleId: string, pollKey: string, resolved: boolean, teamId = "t1") {
  await temp.db
    .insertInto("alert_incidents")
    .values({ id: crypto.randomUUID(), team_id: teamId, rule_id: ruleId, poll_key: pollKey, seq: 1, fired_at: "2026-01-01T00:01:00.000Z", resolved_at: resolved ? "2026-01-01T00:02:00.000Z" : null, batch: "{}" })
    .execute();
}

describe("readFiringAlerts", () => {
  it("lists the open incidents of the team's batches asked for, red only for failures, without finished ones", async () => {
    await incident(await rule("stalled"), "c:migma:b", false);
    await incident(await rule("failure_share"), "c:migma:b", false);
    await incident(await rule("stale"), "c:migma:b", true);
    await incident(await rule("finished"), "c:migma:b", false);
    await incident(await rule("slow", "t2"), "c:migma:b", false, "t2");
    await incident(await rule("slow"), "c:migma:other", false);
    const firing = await readFiringAlerts(temp.db, "t1", ["c:migma:b"]);
    expect([...firing.keys()]).toEqual(["c:migma:b"]);
    expect(firing.get("c:migma:b")!.map((alert) => [alert.kind, alert.failure]).sort()).toEqual([
      ["failure_share", true],
      ["stalled", false],
    ]);
  });
});
