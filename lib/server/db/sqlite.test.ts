import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/api/response";
import { applyMigrations, openSqlite } from "./database";
import type { Database } from "./schema";

let dir: string;
let db: Kysely<Database>;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-sqlite-"));
});
afterEach(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const team = (id: string) => ({ id, name: "Team", created_at: new Date().toISOString() });

describe("the SQLite database", () => {
  it("keeps its files readable by their owner only", async () => {
    db = openSqlite(dir);
    await applyMigrations(db);
    await db.insertInto("teams").values(team("t1")).execute();
    for (const name of ["sendboard.sqlite", "sendboard.sqlite-wal", "sendboard.sqlite-shm"]) {
      expect((statSync(path.join(dir, name)).mode & 0o777).toString(8), name).toBe("600");
    }
  });

  it("answers 503 database_unavailable with Retry-After when another process holds the lock", async () => {
    db = openSqlite(dir, { busyTimeoutMs: 50 });
    await applyMigrations(db);
    const other = new SQLite(path.join(dir, "sendboard.sqlite"));
    other.exec("BEGIN IMMEDIATE");
    try {
      const started = performance.now();
      const error = await db.insertInto("teams").values(team("t2")).execute().then(() => null, (caught: unknown) => caught);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "database_unavailable", status: 503 });
      const answer = errorResponse(error);
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await db.insertInto("teams").values(team("t3")).execute();
  });
});
