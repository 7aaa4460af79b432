import "server-only";
import { PostgresAdapter, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import type { SendGridEvent } from "./event-schema";
import {
  applyEvent,
  EMPTY_TALLY,
  isMessageStatus,
  NEW_MESSAGE,
  TALLY_FIELDS,
  tallyChange,
  type MessageState,
  type Tally,
} from "./message-state";

/** The connection events arrive for, and the custom arg that names a send's batch. */
export type HookTarget = { connectionId: string; batchArg: string };

export type StoredEvents = { received: number; recorded: number; batchTags: string[] };

const TAG_MAX = 200;
// Rows per statement: well inside SQLite's and PostgreSQL's limits on bound values.
const CHUNK = 1_000;

type EventRow = Database["sendgrid_events"] & { source: SendGridEvent };

/**
 * Records each event once per connection (its sg_event_id decides, through the primary key, however
 * many instances receive the retry) and moves its message and its batch's tally for new events
 * only, all in one transaction: when this resolves, the events are committed.
 */
export async function storeSendGridEvents(
  db: Kysely<Database>,
  target: HookTarget,
  events: readonly SendGridEvent[],
  now = new Date(),
): Promise<StoredEvents> {
  const rows = eventRows(target, events, now);
  if (rows.length === 0) return { received: events.length, recorded: 0, batchTags: [] };
  return db.transaction().execute(async (trx) => {
    const fresh = await insertNewEvents(trx, rows);
    if (fresh.length === 0) return { received: events.length, recorded: 0, batchTags: [] };
    const tallies = await moveMessages(trx, target.connectionId, fresh, now);
    await addToTallies(trx, target.connectionId, tallies, now);
    return {
      received: events.length,
      recorded: fresh.length,
      batchTags: [...tallies.keys()].filter((tag) => tag !== ""),
    };
  });
}

// Sorted by id, so two instances inserting overlapping bodies take row locks in the same order.
function eventRows(
  { connectionId, batchArg }: HookTarget,
  events: readonly SendGridEvent[],
  now: Date,
): EventRow[] {
  const byId = new Map<string, EventRow>();
  for (const event of events) {
    if (byId.has(event.sg_event_id)) continue;
    byId.set(event.sg_event_id, {
      connection_id: connectionId,
      sg_event_id: event.sg_event_id,
      batch_tag: batchTagOf(event, batchArg),
      message_key: event.sg_message_id || `event:${event.sg_event_id}`,
      event: event.event,
      occurred_at:
        typeof event.timestamp === "number" && Number.isFinite(event.timestamp)
          ? safeIso(event.timestamp)
          : null,
      received_at: now.toISOString(),
      source: event,
    });
  }
  return [...byId.values()].sort((a, b) =>
    a.sg_event_id < b.sg_event_id ? -1 : a.sg_event_id > b.sg_event_id ? 1 : 0,
  );
}

function batchTagOf(event: SendGridEvent, batchArg: string): string {
  const value = (event as Record<string, unknown>)[batchArg];
  if (typeof value === "string") return value.trim().slice(0, TAG_MAX);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

function safeIso(seconds: number): string | null {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

async function insertNewEvents(trx: Transaction<Database>, rows: EventRow[]): Promise<EventRow[]> {
  const inserted = new Set<string>();
  for (let at = 0; at < rows.length; at += CHUNK) {
    const chunk = rows.slice(at, at + CHUNK).map(withoutSource);
    const ids = await trx
      .insertInto("sendgrid_events")
      .values(chunk)
      .onConflict((conflict) => conflict.columns(["connection_id", "sg_event_id"]).doNothing())
      .returning("sg_event_id")
      .execute();
    for (const { sg_event_id } of ids) inserted.add(sg_event_id);
  }
  return rows.filter((row) => inserted.has(row.sg_event_id));
}

type TagTally = Tally & {
  events: number;
  lastEvent: string;
  lastEventAt: string;
  firstEventAt: string | null;
};

/** Each touched message's new state, written back; returns how each batch tag's counts move. */
async function moveMessages(
  trx: Transaction<Database>,
  connectionId: string,
  fresh: EventRow[],
  now: Date,
): Promise<Map<string, TagTally>> {
  const byMessage = new Map<string, EventRow[]>();
  for (const row of fresh)
    byMessage.set(row.message_key, [...(byMessage.get(row.message_key) ?? []), row]);
  const keys = [...byMessage.keys()].sort();
  const before = await lockMessages(trx, connectionId, keys, byMessage, now);
  const tallies = new Map<string, TagTally>();
  const updates: Database["sendgrid_messages"][] = [];
  for (const key of keys) {
    const events = byMessage.get(key)!;
    const stored = before.get(key)!;
    const after = events.reduce((state, row) => applyEvent(state, row.source), stored.state);
    const tally = tallyFor(tallies, stored.batchTag);
    const change = tallyChange(stored.state, after);
    for (const field of TALLY_FIELDS) tally[field] += change[field];
    tally.events += events.length;
    // The connection page names the latest event SendGrid reported (by its own timestamp).
    for (const row of events) {
      const at = row.occurred_at ?? "";
      if (tally.lastEvent === "" || at >= tally.lastEventAt)
        [tally.lastEvent, tally.lastEventAt] = [row.event, at];
    }
    tally.firstEventAt ??= events.find((row) => row.occurred_at)?.occurred_at ?? null;
    // A repeat of what the message already says (a second open, a late deferral) writes nothing.
    if (stored.exists && sameState(stored.state, after)) continue;
    updates.push({
      connection_id: connectionId,
      message_key: key,
      batch_tag: stored.batchTag,
      email: after.email,
      status: after.status,
      reason: after.reason,
      opened: Number(after.opened),
      clicked: Number(after.clicked),
      updated_at: now.toISOString(),
    });
  }
  for (let at = 0; at < updates.length; at += CHUNK) {
    await trx
      .insertInto("sendgrid_messages")
      .values(updates.slice(at, at + CHUNK))
      .onConflict((conflict) =>
        conflict.columns(["connection_id", "message_key"]).doUpdateSet((eb) => ({
          email: eb.ref("excluded.email"),
          status: eb.ref("excluded.status"),
          reason: eb.ref("excluded.reason"),
          opened: eb.ref("excluded.opened"),
          clicked: eb.ref("excluded.clicked"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
  return tallies;
}

type StoredMessage = { state: MessageState; batchTag: string; exists: boolean };

function sameState(a: MessageState, b: MessageState): boolean {
  return (
    a.status === b.status &&
    a.reason === b.reason &&
    a.email === b.email &&
    a.opened === b.opened &&
    a.clicked === b.clicked
  );
}

/**
 * The messages' states as committed. On PostgreSQL each row is created first if new and then
 * locked until the transaction ends, so an instance recording other events of the same message
 * waits and then builds on this one's result instead of overwriting it. SQLite has one writer at
 * a time (this transaction holds it since its first insert): a plain read is enough.
 */
async function lockMessages(
  trx: Transaction<Database>,
  connectionId: string,
  keys: string[],
  byMessage: Map<string, EventRow[]>,
  now: Date,
): Promise<Map<string, StoredMessage>> {
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const found = new Map<string, StoredMessage>();
  const columns = [
    "message_key",
    "batch_tag",
    "email",
    "status",
    "reason",
    "opened",
    "clicked",
  ] as const;
  for (let at = 0; at < keys.length; at += CHUNK) {
    const chunk = keys.slice(at, at + CHUNK);
    // PostgreSQL: one upsert that changes nothing creates the missing rows and locks them all,
    // answering each row as last committed (it waits for another instance's transaction first).
    const rows = postgres
      ? await trx
          .insertInto("sendgrid_messages")
          .values(
            chunk.map((key) =>
              placeholder(connectionId, key, taggedFirst(byMessage.get(key)!), now),
            ),
          )
          .onConflict((conflict) =>
            conflict
              .columns(["connection_id", "message_key"])
              .doUpdateSet((eb) => ({ message_key: eb.ref("excluded.message_key") })),
          )
          .returning(columns)
          .execute()
      : await trx
          .selectFrom("sendgrid_messages")
          .select(columns)
          .where("connection_id", "=", connectionId)
          .where("message_key", "in", chunk)
          .execute();
    for (const row of rows) {
      found.set(row.message_key, {
        batchTag: row.batch_tag,
        // A placeholder made above is new to this transaction: it must be written.
        exists: row.status !== "new",
        state: {
          status: isMessageStatus(row.status) ? row.status : "new",
          reason: row.reason,
          email: row.email,
          opened: row.opened === 1,
          clicked: row.clicked === 1,
        },
      });
    }
  }
  for (const key of keys)
    if (!found.has(key))
      found.set(key, {
        state: NEW_MESSAGE,
        batchTag: taggedFirst(byMessage.get(key)!),
        exists: false,
      });
  return found;
}

function placeholder(
  connectionId: string,
  key: string,
  batchTag: string,
  now: Date,
): Database["sendgrid_messages"] {
  return {
    connection_id: connectionId,
    message_key: key,
    batch_tag: batchTag,
    email: null,
    status: "new",
    reason: null,
    opened: 0,
    clicked: 0,
    updated_at: now.toISOString(),
  };
}

// A message's batch is the first tag any of its events carries (SendGrid repeats custom args on every event).
function taggedFirst(rows: EventRow[]): string {
  return rows.find((row) => row.batch_tag !== "")?.batch_tag ?? "";
}

function tallyFor(tallies: Map<string, TagTally>, tag: string): TagTally {
  let tally = tallies.get(tag);
  if (!tally)
    tallies.set(
      tag,
      (tally = { ...EMPTY_TALLY, events: 0, lastEvent: "", lastEventAt: "", firstEventAt: null }),
    );
  return tally;
}

async function addToTallies(
  trx: Transaction<Database>,
  connectionId: string,
  tallies: Map<string, TagTally>,
  now: Date,
): Promise<void> {
  const rows = [...tallies]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag, tally]) => ({
      connection_id: connectionId,
      batch_tag: tag,
      events: tally.events,
      ...Object.fromEntries(TALLY_FIELDS.map((field) => [field, tally[field]])),
      first_event_at: tally.firstEventAt,
      last_event: tally.lastEvent,
      last_received_at: now.toISOString(),
    })) as Database["sendgrid_tallies"][];
  await trx
    .insertInto("sendgrid_tallies")
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(["connection_id", "batch_tag"]).doUpdateSet((eb) => ({
        ...Object.fromEntries(
          (["events", ...TALLY_FIELDS] as const).map((field) => [
            field,
            eb(eb.ref(`sendgrid_tallies.${field}`), "+", eb.ref(`excluded.${field}`)),
          ]),
        ),
        last_event: eb.ref("excluded.last_event"),
        last_received_at: eb.ref("excluded.last_received_at"),
      })),
    )
    .execute();
}

function withoutSource(row: EventRow): Database["sendgrid_events"] {
  const { source, ...stored } = row;
  void source;
  return stored;
}
