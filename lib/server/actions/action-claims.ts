import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { BatchAction } from "@/lib/providers/provider-profile";
import type { Database } from "../db/schema";
import { parseActionOutcome, type ActionOutcome } from "./action-outcome";

export type ActionKey = { connectionId: string; provider: string; batchId: string; action: BatchAction };

/** How long a finished call answers every request for the same action on the same batch. */
export const ACTION_WINDOW_MS = 30_000;
const WAIT_STEP_MS = 100;

const iso = (ms: number) => new Date(ms).toISOString();

/** ours: this request makes the call. theirs: another one did or does; here is its answer, once it has one. */
export type Claim = { kind: "ours"; claimId: string } | { kind: "theirs"; outcome: ActionOutcome | null };

/**
 * One row per (connection, provider, batch, action) decides: the request whose insert (or
 * takeover of an expired row) wins makes the call, on whatever instance. Rows of the batch's
 * other actions that have answered are dropped, so pause, resume, pause again is three calls.
 * `reservedMs` covers the call itself: a row stays claimed while its call may still be out.
 */
export async function claimAction(db: Kysely<Database>, key: ActionKey, now: number, reservedMs: number): Promise<Claim> {
  const claimId = randomUUID();
  const won = await db
    .insertInto("batch_action_claims")
    .values({ connection_id: key.connectionId, provider: key.provider, batch_id: key.batchId, action: key.action, claim_id: claimId, started_at: iso(now), expires_at: iso(now + reservedMs + ACTION_WINDOW_MS), result: null })
    .onConflict((conflict) =>
      conflict
        .columns(["connection_id", "provider", "batch_id", "action"])
        .doUpdateSet({ claim_id: claimId, started_at: iso(now), expires_at: iso(now + reservedMs + ACTION_WINDOW_MS), result: null })
        .where("batch_action_claims.expires_at", "<=", iso(now)),
    )
    .returning("claim_id")
    .executeTakeFirst();
  if (won?.claim_id === claimId) {
    await db
      .deleteFrom("batch_action_claims")
      .where("connection_id", "=", key.connectionId)
      .where("provider", "=", key.provider)
      .where("batch_id", "=", key.batchId)
      .where("action", "!=", key.action)
      .where("result", "is not", null)
      .execute();
    return { kind: "ours", claimId };
  }
  return { kind: "theirs", outcome: await readOutcome(db, key) };
}

/** The answer, for the requests that came meanwhile; a failed call frees the key at once, so a retry calls again. */
export async function settleAction(db: Kysely<Database>, key: ActionKey, claimId: string, outcome: ActionOutcome, now: number): Promise<void> {
  const expiresAt = outcome.kind === "failed" ? now : now + ACTION_WINDOW_MS;
  await db
    .updateTable("batch_action_claims")
    .set({ result: JSON.stringify(outcome), expires_at: iso(expiresAt) })
    .where("connection_id", "=", key.connectionId)
    .where("provider", "=", key.provider)
    .where("batch_id", "=", key.batchId)
    .where("action", "=", key.action)
    .where("claim_id", "=", claimId)
    .execute();
}

/** Waits up to `waitMs` for the call another request makes; null when it has not answered by then. */
export async function awaitOutcome(db: Kysely<Database>, key: ActionKey, waitMs: number): Promise<ActionOutcome | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const outcome = await readOutcome(db, key);
    if (outcome || Date.now() >= deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function readOutcome(db: Kysely<Database>, key: ActionKey): Promise<ActionOutcome | null> {
  const row = await batchRows(db, key).where("action", "=", key.action).executeTakeFirst();
  return row?.result ? parseActionOutcome(row.result) : null;
}

function batchRows(db: Kysely<Database>, key: ActionKey) {
  return db
    .selectFrom("batch_action_claims")
    .select("result")
    .where("connection_id", "=", key.connectionId)
    .where("provider", "=", key.provider)
    .where("batch_id", "=", key.batchId);
}
