import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { processSingleton } from "../process-singleton";

// Whether a connection's provider is pushing events to us (a Bolna execution webhook): while it
// is, each change asks for its own poll (requestPoll), so the cadence may slow and the viewers'
// pace quicken. Kept here, beside the scheduler that reads it on every pump, so the webhook
// folders that note events and the poller that reads them meet without importing each other.

/** Live while the last event is this recent: Bolna posts on every call's status change. */
export const PUSH_LIVE_MS = 3 * 60_000;
/** How stale this instance's idea of another instance's events may get (PostgreSQL). */
const REFRESH_MS = 5_000;

type Seen = { lastEventAt: number; checkedAt: number; checking: boolean };

const seen = () => processSingleton("polling:push-liveness", () => new Map<string, Seen>());

function entryOf(connectionId: string): Seen {
  const map = seen();
  let entry = map.get(connectionId);
  if (!entry) {
    entry = { lastEventAt: 0, checkedAt: 0, checking: false };
    map.set(connectionId, entry);
  }
  return entry;
}

/** Called where the event was received: this instance knows at once. */
export function notePushedEvent(connectionId: string, at: number): void {
  const entry = entryOf(connectionId);
  entry.lastEventAt = Math.max(entry.lastEventAt, at);
}

/**
 * Synchronous, for the scheduler's pump: answers from memory and, given `db`, now and then
 * refreshes from bolna_hooks.last_event_at in the background, so an instance polling a batch
 * learns of events another instance received within REFRESH_MS. One indexed query per
 * connection per REFRESH_MS at most.
 */
export function isPushLive(connectionId: string, now: number, db?: () => Promise<Kysely<Database>>): boolean {
  const entry = entryOf(connectionId);
  if (db && !entry.checking && now - entry.checkedAt >= REFRESH_MS) {
    entry.checking = true;
    entry.checkedAt = now;
    void refresh(connectionId, entry, db).finally(() => (entry.checking = false));
  }
  return now - entry.lastEventAt < PUSH_LIVE_MS;
}

async function refresh(connectionId: string, entry: Seen, db: () => Promise<Kysely<Database>>): Promise<void> {
  try {
    const row = await (await db())
      .selectFrom("bolna_hooks")
      .select((eb) => eb.fn.max("last_event_at").as("last"))
      .where("connection_id", "=", connectionId)
      .executeTakeFirst();
    const last = Date.parse(row?.last ?? "");
    if (Number.isFinite(last)) entry.lastEventAt = Math.max(entry.lastEventAt, last);
  } catch {
    // Liveness only tunes cadence: on a database hiccup the normal cadence is the safe answer.
  }
}

/** Tests start from nothing. */
export function forgetPushLiveness(): void {
  seen().clear();
}
