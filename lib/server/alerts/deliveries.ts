import "server-only";
import type { AlertDelivery, AlertDeliveryPage } from "@/lib/alerts";
import { AppError } from "@/lib/errors";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";

export const DELIVERIES_PAGE_SIZE = 50;

type Cursor = { at: string; id: string };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ROW_ID = /^[0-9a-f-]{36}$/;

/** The delivery log, newest attempt first, a page at a time. */
export async function listAlertDeliveries({ db, actor }: ServiceContext, { cursor }: { cursor: string | null }): Promise<AlertDeliveryPage> {
  assertCan(actor, "alerts:manage");
  const after = cursor === null ? null : decodeCursor(cursor);
  let query = db.selectFrom("alert_deliveries").selectAll().where("team_id", "=", actor.teamId);
  if (after) query = query.where((where) => where.or([where("at", "<", after.at), where.and([where("at", "=", after.at), where("id", "<", after.id)])]));
  const rows = await query.orderBy("at", "desc").orderBy("id", "desc").limit(DELIVERIES_PAGE_SIZE + 1).execute();
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map(
      (row): AlertDelivery => ({
        id: row.id,
        contactPoint: { id: row.contact_point_id, name: row.contact_point_name },
        incidentId: row.incident_id,
        type: row.message_type,
        attempt: row.attempt,
        status: row.status,
        httpStatus: row.http_status,
        error: row.error,
        durationMs: row.duration_ms,
        at: row.at,
      }),
    ),
    nextCursor: rows.length > DELIVERIES_PAGE_SIZE && last ? Buffer.from(`${last.at}|${last.id}`, "utf8").toString("base64url") : null,
  };
}

function decodeCursor(cursor: string): Cursor {
  const [at = "", id = "", ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !ISO_TIME.test(at) || !ROW_ID.test(id)) throw new AppError("bad_request", "This page cursor is not valid: start again from the newest deliveries.");
  return { at, id };
}
