import "server-only";
import type { Selectable } from "kysely";
import {
  AUDIT_ACTOR_KINDS,
  AUDIT_OUTCOMES,
  AUDIT_PAGE_SIZE,
  type AuditEvent,
  type AuditPage,
} from "@/lib/audit-event";
import type { AuditEventsTable } from "@/lib/server/db/schema";
import { assertCan } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";

type EventRow = Selectable<AuditEventsTable> & { actor_name: string | null };

/** The team's events, newest first, a page at a time (admins only); `cursor` is a previous page's nextCursor. */
export async function listAuditEvents(
  { db, actor }: ServiceContext,
  { cursor }: { cursor?: string },
): Promise<AuditPage> {
  assertCan(actor, "audit:read");
  const after = cursor === undefined ? null : decodeAuditCursor(cursor);
  let query = db
    .selectFrom("audit_events as e")
    // The person's name as it is today; once removed, the event's own copy of the email names them.
    .leftJoin("users as u", (join) =>
      join
        .onRef("u.id", "=", "e.actor_id")
        .on("e.actor_kind", "=", "user")
        .on("u.team_id", "=", actor.teamId),
    )
    .selectAll("e")
    .select("u.name as actor_name")
    .where("e.team_id", "=", actor.teamId);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("e.at", "<", after.at),
        eb.and([eb("e.at", "=", after.at), eb("e.id", "<", after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("e.at", "desc")
    .orderBy("e.id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1)
    .execute();
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map(toAuditEvent),
    nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeAuditCursor(last) : null,
  };
}

function toAuditEvent(row: EventRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actor: {
      kind: oneOf(AUDIT_ACTOR_KINDS, row.actor_kind, "system"),
      id: row.actor_id,
      email: row.actor_email,
      name: row.actor_name,
    },
    action: row.action,
    target: { type: row.target_type, id: row.target_id, label: row.target_label },
    address: row.address,
    outcome: oneOf(AUDIT_OUTCOMES, row.outcome, "failed"),
    details: parseDetails(row.details),
  };
}

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

function parseDetails(json: string): AuditEvent["details"] {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        ([, item]) => item === null || ["string", "number", "boolean"].includes(typeof item),
      ),
    );
  } catch {
    return {};
  }
}
