import "server-only";
import { AppError } from "@/lib/errors";

/** Where a page ended: the last event's time and id (events are ordered by both, newest first). */
export type AuditCursor = { at: string; id: string };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const EVENT_ID = /^[0-9a-f-]{36}$/;

export function encodeAuditCursor({ at, id }: AuditCursor): string {
  return Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
}

/** Throws bad_request for anything this server did not hand out. */
export function decodeAuditCursor(cursor: string): AuditCursor {
  const [at = "", id = "", ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !ISO_TIME.test(at) || !EVENT_ID.test(id)) {
    throw new AppError(
      "bad_request",
      "This page cursor is not valid: start again from the newest events.",
    );
  }
  return { at, id };
}
