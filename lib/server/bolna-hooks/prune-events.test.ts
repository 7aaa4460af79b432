import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { openTempDatabase } from "../testing/temp-database";
import { HOOK_EVENT_RETENTION_DAYS, pruneHookEvents } from "./prune-events";

let db: Kysely<Database>;
let close: () => Promise<void>;
beforeEach(async () => ({ db, close } = await openTempDatabase()));
afterEach(() => close());

describe("pruning a Bolna hook's stored events", () => {
  it("drops (execution, status) rows past the retention and keeps the rest", async () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const row = (execution_id: string, received_at: string) => ({ hook_id: "h", execution_id, status: "completed", batch_id: "b", received_at });
    await db
      .insertInto("bolna_hook_events")
      .values([row("old", daysAgo(HOOK_EVENT_RETENTION_DAYS + 1)), row("recent", daysAgo(HOOK_EVENT_RETENTION_DAYS - 1))])
      .execute();
    expect(await pruneHookEvents(db, now)).toBe(1);
    expect((await db.selectFrom("bolna_hook_events").select("execution_id").execute()).map((r) => r.execution_id)).toEqual(["recent"]);
    expect(await pruneHookEvents(db, now)).toBe(0);
  });
});
