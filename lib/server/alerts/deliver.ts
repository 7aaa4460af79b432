import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { AlertMessage } from "@/lib/alerts";
import type { Database } from "../db/schema";
import { getEnv } from "../env";
import { errorName, getLogger } from "../logger";
import type { ContactPointRow } from "./row-types";
import { retryDelayMs, type AttemptOutcome } from "./retry-policy";
import { openSecret, openTarget } from "./secrets";
import { sendOnce, type Destination, type SendSettings } from "./send-attempt";

export type DeliveryResult = { status: "delivered" | "failed"; attempts: number; httpStatus: number | null; error: string | null };
export type DeliveryOptions = { incidentId: string | null; maxAttempts?: number; firstRetryMs?: number; settings?: SendSettings };

/**
 * Sends one message to one contact point: an attempt, and on a 5xx, timeout or connection
 * failure more of them with growing waits. Every attempt is a row in the delivery log. The
 * instance that decided the incident delivers it; retries live in its memory (an instance that
 * dies mid-retry leaves the last attempt logged as retrying).
 */
export async function deliverMessage(db: Kysely<Database>, point: ContactPointRow, message: AlertMessage, options: DeliveryOptions): Promise<DeliveryResult> {
  const destination = destinationOf(point);
  const settings = options.settings ?? sendSettingsFromEnv();
  for (let attempt = 1; ; attempt += 1) {
    const startedAt = Date.now();
    const outcome = await sendOnce(destination, message, settings);
    const wait = attempt < (options.maxAttempts ?? Number.POSITIVE_INFINITY) ? retryDelayMs(attempt, outcome, options.firstRetryMs) : null;
    const status = outcome.kind === "delivered" ? "delivered" : wait === null ? "failed" : "retrying";
    await logAttempt(db, point, message, options.incidentId, attempt, status, outcome, Date.now() - startedAt);
    if (wait === null) return { status: status === "delivered" ? "delivered" : "failed", attempts: attempt, httpStatus: httpStatusOf(outcome), error: errorOf(outcome) };
    await new Promise((resolve) => setTimeout(resolve, wait).unref());
  }
}

export function sendSettingsFromEnv(): SendSettings {
  const env = getEnv();
  return { policy: { allowPrivate: env.ALERTS_ALLOW_PRIVATE_URLS === "1" }, smtpUrl: env.SMTP_URL, smtpFrom: env.SMTP_FROM };
}

function destinationOf(point: ContactPointRow): Destination {
  return {
    type: point.type as Destination["type"],
    target: openTarget(point.id, point.encrypted_target),
    secret: point.encrypted_secret === null ? null : openSecret(point.id, point.encrypted_secret),
  };
}

async function logAttempt(
  db: Kysely<Database>,
  point: ContactPointRow,
  message: AlertMessage,
  incidentId: string | null,
  attempt: number,
  status: string,
  outcome: AttemptOutcome,
  durationMs: number,
) {
  try {
    await db
      .insertInto("alert_deliveries")
      .values({
        id: randomUUID(),
        team_id: point.team_id,
        contact_point_id: point.id,
        contact_point_name: point.name,
        incident_id: incidentId,
        message_type: message.type,
        attempt,
        status,
        http_status: httpStatusOf(outcome),
        error: errorOf(outcome),
        duration_ms: durationMs,
        at: new Date().toISOString(),
      })
      .execute();
  } catch (error) {
    // The message went (or not) either way; a lost log row must not stop the retries.
    getLogger().warn({ contactPointId: point.id, errorName: errorName(error) }, "alerts: delivery log unavailable");
  }
}

function httpStatusOf(outcome: AttemptOutcome): number | null {
  if (outcome.kind === "delivered" || outcome.kind === "http_error") return outcome.httpStatus;
  return null;
}

/** A code, never the receiver's words: its body could echo anything. */
function errorOf(outcome: AttemptOutcome): string | null {
  switch (outcome.kind) {
    case "delivered":
      return null;
    case "http_error":
      return `http_${outcome.httpStatus}`;
    case "smtp_error":
      return outcome.responseCode === null ? "smtp_error" : `smtp_${outcome.responseCode}`;
    case "timeout":
      return "timeout";
    case "network_error":
      return "connection_failed";
    case "refused":
      return "destination_refused";
  }
}
