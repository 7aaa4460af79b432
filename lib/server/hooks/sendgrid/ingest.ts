import "server-only";
import { AppError } from "@/lib/errors";
import { findHookConnection } from "../../connections";
import type { PublicContext } from "../../service-context";
import { sendGridEventsSchema, type SendGridEvent } from "./event-schema";
import { pruneEventsIfDue } from "./prune-events";
import { pollTaggedBatches } from "./request-polls";
import { storeSendGridEvents, type StoredEvents } from "./store-events";
import { parseSendGridPublicKey } from "../../security/sendgrid-public-key";
import { assertSignedBySendGrid } from "./verify-signature";

export type SendGridDelivery = {
  connectionId: string;
  signature: string | null;
  timestamp: string | null;
  body: Uint8Array;
};

/**
 * One POST of SendGrid's Event Webhook. The signature is the credential: checked on the raw bytes
 * before anything is parsed; the events are committed before this returns, so a 2xx means kept.
 */
export async function ingestSendGridEvents(
  ctx: PublicContext,
  delivery: SendGridDelivery,
  now = new Date(),
): Promise<StoredEvents> {
  const found = await findHookConnection("sendgrid", delivery.connectionId);
  if (!found) throw new AppError("not_found", "No SendGrid connection has this webhook address.");
  const key = found.webhook.publicKey ? parseSendGridPublicKey(found.webhook.publicKey) : undefined;
  if (!key)
    throw new AppError(
      "unauthorized",
      "This connection has no verification key: an admin pastes SendGrid's in Settings → Connections.",
    );
  assertSignedBySendGrid(key, delivery, now);
  const events = parseEvents(delivery.body);
  const stored = await storeSendGridEvents(
    ctx.db,
    { connectionId: found.connection.id, batchArg: found.webhook.batchArg },
    events,
    now,
  );
  // The numbers live in the database already; a poll makes open pages show them now, not at the next cadence.
  if (stored.batchTags.length > 0)
    void pollTaggedBatches(ctx.db, found.connection, stored.batchTags);
  void pruneEventsIfDue(ctx.db, now);
  return stored;
}

function parseEvents(body: Uint8Array): SendGridEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new AppError("bad_request", "The body is not JSON.");
  }
  const parsed = sendGridEventsSchema.safeParse(json);
  // Never echoed: the body holds recipients' addresses.
  if (!parsed.success)
    throw new AppError(
      "bad_request",
      "The body is not a list of SendGrid events (each needs sg_event_id and event).",
    );
  return parsed.data;
}
