import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import {
  mockedDatabaseModule,
  mockedEnvModule,
  routeState,
} from "@/lib/server/testing/route-harness";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import {
  AUDIT_PRUNE_EVERY_MS,
  pruneAuditEvents,
  pruneAuditIfDue,
  startAuditPruning,
} from "./prune-audit";
import { recordAudit } from "./record-audit";
import { storedEvents } from "./test-support";

vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let db: Kysely<Database>;
let close: () => Promise<void>;
const NOW = new Date("2026-11-27T10:00:00.000Z");
const DAY = 86_400_000;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  routeState.db = db;
});
afterEach(async () => close());

async function recordDaysAgo(teamId: string, ...days: number[]) {
  await recordDaysBefore(NOW, teamId, ...days);
}

async function recordDaysBefore(now: Date, teamId: string, ...days: number[]) {
  for (const ago of days) {
    const actor = {
      id: `u-${teamId}`,
      teamId,
      role: "admin" as const,
      email: `boss@${teamId}.test`,
    };
    await recordAudit(
      { db, actor },
      { action: "user.remove", target: { id: null, label: `${teamId}:${ago}` } },
      new Date(now.getTime() - ago * DAY),
    );
  }
}

const labels = async () => (await storedEvents(db)).map((row) => row.target_label);

describe("pruneAuditEvents", () => {
  it("deletes every team's events older than the retention and nothing newer", async () => {
    await recordDaysAgo("team-a", 400, 366, 365, 10);
    await recordDaysAgo("team-b", 1000, 0);
    expect(await pruneAuditEvents(db, NOW, 365)).toBe(3);
    expect(await labels()).toEqual(["team-a:365", "team-a:10", "team-b:0"]);
  });

  it("is idempotent when several instances prune at once", async () => {
    await recordDaysAgo("team-a", 40, 35, 31, 1);
    const counts = await Promise.all([
      pruneAuditEvents(db, NOW, 30),
      pruneAuditEvents(db, NOW, 30),
    ]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(3);
    expect(await pruneAuditEvents(db, NOW, 30)).toBe(0);
    expect(await labels()).toEqual(["team-a:1"]);
  });
});

describe("pruneAuditIfDue", () => {
  it("prunes at most once an hour per schedule, claiming the run before it starts", async () => {
    await recordDaysAgo("team-a", 40);
    const schedule = { lastRunAt: null };
    const [first, second] = await Promise.all([
      pruneAuditIfDue(db, NOW, 30, schedule),
      pruneAuditIfDue(db, NOW, 30, schedule),
    ]);
    expect([first, second]).toEqual([1, null]);
    await recordDaysAgo("team-a", 50);
    expect(
      await pruneAuditIfDue(db, new Date(NOW.getTime() + AUDIT_PRUNE_EVERY_MS - 1), 30, schedule),
    ).toBeNull();
    expect(
      await pruneAuditIfDue(db, new Date(NOW.getTime() + AUDIT_PRUNE_EVERY_MS), 30, schedule),
    ).toBe(1);
  });

  it("logs a failure by its name and never throws", async () => {
    const warn = vi.spyOn(getLogger(), "warn").mockImplementation(() => undefined);
    const broken = {
      deleteFrom: () => {
        throw new Error("disk full at /var/secret");
      },
    } as unknown as Kysely<Database>;
    expect(await pruneAuditIfDue(broken, NOW, 30, { lastRunAt: null })).toBeNull();
    expect(warn).toHaveBeenCalledWith({ errorName: "Error" }, "audit: pruning failed");
    warn.mockRestore();
  });
});

describe("startAuditPruning", () => {
  it("prunes with AUDIT_RETENTION_DAYS soon after start-up, by itself", async () => {
    routeState.env = { AUDIT_RETENTION_DAYS: "30" };
    // The timer prunes as of the real clock.
    await recordDaysBefore(new Date(), "team-a", 45, 29);
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval"] });
    try {
      startAuditPruning();
      startAuditPruning();
      await vi.advanceTimersByTimeAsync(30_000);
      await vi.waitFor(async () => expect(await labels()).toEqual([`team-a:29`]));
    } finally {
      vi.useRealTimers();
      routeState.env = {};
    }
  });
});
