import type { Kysely } from "kysely";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/server/db/database";
import type { Database } from "@/lib/server/db/schema";
import { openTempDatabase } from "@/lib/server/testing/temp-database";

let db: Kysely<Database>;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase({ migrated: false }));
  await applyMigrations(db, "0008-connection-holds");
});
afterEach(async () => close());

const batch = (batchId: string) => ({ connection_id: "env-migma", provider: "migma", batch_id: batchId });

describe("0010-batch-labels", () => {
  it("moves the entries' labels to one per team and batch: the watched list's first, then the earliest board's", async () => {
    await sql`insert into boards (id, team_id, name, created_by, created_at, updated_at) values
      ('b1', 't1', 'One', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
      ('b2', 't1', 'Two', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
      ('b3', 't2', 'Theirs', 'u9', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(db);
    const boardBatch = (id: string, boardId: string, batchId: string, label: string | null, at: string) =>
      sql`insert into board_batches (id, board_id, connection_id, provider, batch_id, label, position, added_at)
        values (${id}, ${boardId}, 'env-migma', 'migma', ${batchId}, ${label}, 0, ${at})`.execute(db);
    await sql`insert into watched_batches (id, team_id, connection_id, provider, batch_id, label, added_by, added_at) values
      ('w1', 't1', 'env-migma', 'migma', 'watched', ' From the list ', 'a@t1', '2026-01-02T00:00:00Z'),
      ('w2', 't1', 'env-migma', 'migma', 'blank', '  ', 'a@t1', '2026-01-02T00:00:00Z')`.execute(db);
    await boardBatch("x1", "b1", "watched", "From a board", "2026-01-01T00:00:00Z");
    await boardBatch("x2", "b2", "boards", "Later board", "2026-01-03T00:00:00Z");
    await boardBatch("x3", "b1", "boards", "Earlier board", "2026-01-02T00:00:00Z");
    await boardBatch("x4", "b3", "boards", "Other team", "2026-01-01T00:00:00Z");
    await boardBatch("x5", "b1", "blank", null, "2026-01-01T00:00:00Z");

    await applyMigrations(db);

    const labels = await db
      .selectFrom("batch_labels")
      .select(["team_id", "connection_id", "provider", "batch_id", "label"])
      .orderBy("team_id")
      .orderBy("batch_id")
      .execute();
    expect(labels).toEqual([
      { team_id: "t1", ...batch("boards"), label: "Earlier board" },
      { team_id: "t1", ...batch("watched"), label: "From the list" },
      { team_id: "t2", ...batch("boards"), label: "Other team" },
    ]);
    const watchedColumns = Object.keys((await db.selectFrom("watched_batches").selectAll().executeTakeFirstOrThrow()));
    const boardColumns = Object.keys((await db.selectFrom("board_batches").selectAll().executeTakeFirstOrThrow()));
    expect([...watchedColumns, ...boardColumns]).not.toContain("label");
  });
});
