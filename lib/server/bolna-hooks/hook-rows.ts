import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { BolnaHookStatus } from "@/lib/bolna-hook";
import type { BolnaHooksTable, Database } from "../db/schema";
import { allowlistOf } from "./allowlist";
import { PUSH_LIVE_MS } from "../polling";

export type BolnaHookRow = Selectable<BolnaHooksTable>;

export function findHookByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<BolnaHookRow | undefined> {
  return db.selectFrom("bolna_hooks").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export function findConnectionHook(db: Kysely<Database>, teamId: string, connectionId: string): Promise<BolnaHookRow | undefined> {
  return db.selectFrom("bolna_hooks").selectAll().where("team_id", "=", teamId).where("connection_id", "=", connectionId).executeTakeFirst();
}

/** Events stored for the hook: counted from the rows (by the primary key's prefix), not kept in a hot counter. */
export async function countHookEvents(db: Kysely<Database>, hookId: string): Promise<number> {
  const row = await db.selectFrom("bolna_hook_events").select((eb) => eb.fn.countAll().as("n")).where("hook_id", "=", hookId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function hookStatusOf(db: Kysely<Database>, row: BolnaHookRow | undefined, now: Date): Promise<BolnaHookStatus> {
  return toHookStatus(row, row ? await countHookEvents(db, row.id) : 0, now);
}

function toHookStatus(row: BolnaHookRow | undefined, eventsReceived: number, now: Date): BolnaHookStatus {
  if (!row) return { configured: false, createdAt: null, rotatedAt: null, lastEventAt: null, eventsReceived: 0, live: false, allowlist: [] };
  const last = row.last_event_at === null ? Number.NaN : Date.parse(row.last_event_at);
  return {
    configured: true,
    createdAt: row.created_at,
    rotatedAt: row.rotated_at,
    lastEventAt: row.last_event_at,
    eventsReceived,
    live: Number.isFinite(last) && now.getTime() - last < PUSH_LIVE_MS,
    allowlist: allowlistOf(row.allowlist),
  };
}
