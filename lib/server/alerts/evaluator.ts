import "server-only";
import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { Database } from "../db/schema";
import { errorName, getLogger } from "../logger";
import { pollKeyToString, type PollKey } from "../polling";
import { createBatchTracks } from "./batch-track";
import { isConditionActive, type BatchObservation } from "./evaluate-rule";
import { applyCondition, type IncidentChange } from "./incidents";
import { rulesForBatch } from "./matching-rules";
import { alertBatchOf } from "./messages";
import { notifyIncident } from "./notify";
import type { AlertRuleRow } from "./row-types";
import { isRuleKind } from "./rule-kind";

export type Notify = typeof notifyIncident;

/** What one instance runs on its poll results; the poller holds one per process. */
export type AlertEvaluator = {
  /** A snapshot: this instance's call's, or one adopted from another instance. Never rejects. */
  onSnapshot(key: PollKey, snapshot: BatchSnapshot, now?: Date): Promise<IncidentChange[]>;
  /** A failed call: the batch may be going stale. Never rejects. */
  onFailure(key: PollKey, now?: Date): Promise<IncidentChange[]>;
};

export function createAlertEvaluator({ db, notify = notifyIncident }: { db: () => Promise<Kysely<Database>>; notify?: Notify }): AlertEvaluator {
  const tracks = createBatchTracks();
  // The condition this instance last brought the database in line with, per (rule, batch): an unchanged one costs no query.
  const applied = new LRUCache<string, boolean>({ max: 50_000 });

  async function evaluate(key: PollKey, seen: BatchObservation | null, now: Date): Promise<IncidentChange[]> {
    if (!seen) return [];
    const pollKey = pollKeyToString(key);
    try {
      const database = await db();
      const changes: IncidentChange[] = [];
      for (const rule of await rulesForBatch(database, key, pollKey)) {
        const change = await applyRule(database, rule, key, pollKey, seen, now);
        if (change) changes.push(change);
      }
      return changes;
    } catch (error) {
      getLogger().warn({ pollKey, errorName: errorName(error) }, "alerts: evaluation skipped, database unavailable");
      return [];
    }
  }

  async function applyRule(database: Kysely<Database>, rule: AlertRuleRow, key: PollKey, pollKey: string, seen: BatchObservation, now: Date): Promise<IncidentChange> {
    if (!isRuleKind(rule.kind)) return null;
    const condition = { kind: rule.kind, threshold: rule.threshold === null ? null : Number(rule.threshold), minutes: rule.minutes };
    const active = isConditionActive(condition, seen, now.getTime()) && !finishedBeforeRule(rule, seen.snapshot);
    const memoKey = `${rule.id}|${pollKey}`;
    if (applied.get(memoKey) === active) return null;
    const batch = alertBatchOf(key, seen.snapshot);
    const change = await applyCondition(database, rule, pollKey, active, batch, now);
    applied.set(memoKey, active);
    if (change) {
      // Delivery (with its retries) runs on; the poll that brought the news does not wait for it.
      void notify(database, rule, change.incident, change.kind === "fired" ? "alert.firing" : "alert.resolved", batch, now).catch(() => undefined);
    }
    return change;
  }

  return {
    onSnapshot: (key, snapshot, now = new Date()) => evaluate(key, tracks.observeSnapshot(pollKeyToString(key), snapshot, now.getTime()), now),
    onFailure: (key, now = new Date()) => evaluate(key, tracks.observeFailure(pollKeyToString(key), now.getTime()), now),
  };
}

/** A rule made after a batch had finished does not announce that old news. */
function finishedBeforeRule(rule: AlertRuleRow, snapshot: BatchSnapshot): boolean {
  if (rule.kind !== "finished" || snapshot.completedAt === null) return false;
  return Date.parse(snapshot.completedAt) < Date.parse(rule.created_at);
}
