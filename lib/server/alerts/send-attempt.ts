import "server-only";
import nodemailer from "nodemailer";
import type { AlertMessage, ContactPointType } from "@/lib/alerts";
import { AppError } from "@/lib/errors";
import { assertPublicDestination, checkDestinationUrl, type DestinationPolicy } from "./destination-url";
import { factsOf, headlineOf } from "./messages";
import type { AttemptOutcome } from "./retry-policy";
import { SIGNATURE_HEADER, signWebhookBody } from "./signature";
import { slackPayloadOf } from "./slack-message";

/** One delivery attempt's bound: a receiver that hangs costs this, then counts as a timeout. */
export const ATTEMPT_TIMEOUT_MS = 5_000;

export type Destination = { type: ContactPointType; target: string; secret: string | null };
export type SendSettings = { policy: DestinationPolicy; smtpUrl: string | undefined; smtpFrom: string; timeoutMs?: number; now?: () => Date };

/** One attempt, never throwing: how it ended, for the log and the retry policy. */
export async function sendOnce(destination: Destination, message: AlertMessage, settings: SendSettings): Promise<AttemptOutcome> {
  try {
    if (destination.type === "email") return await sendEmail(destination.target, message, settings);
    const url = checkDestinationUrl(destination.type, destination.target, settings.policy);
    await assertPublicDestination(url, settings.policy);
    const body = JSON.stringify(destination.type === "slack" ? slackPayloadOf(message) : message);
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Sendboard-Alerts/1" };
    if (destination.type === "webhook" && destination.secret) {
      headers[SIGNATURE_HEADER] = signWebhookBody(destination.secret, body, Math.floor((settings.now?.() ?? new Date()).getTime() / 1000));
    }
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      // A redirect could lead anywhere, private addresses included: not followed.
      redirect: "manual",
      signal: AbortSignal.timeout(settings.timeoutMs ?? ATTEMPT_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300 ? { kind: "delivered", httpStatus: response.status } : { kind: "http_error", httpStatus: response.status };
  } catch (error) {
    if (error instanceof AppError) return { kind: "refused" };
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return { kind: "timeout" };
    return { kind: "network_error" };
  }
}

async function sendEmail(to: string, message: AlertMessage, settings: SendSettings): Promise<AttemptOutcome> {
  if (!settings.smtpUrl) return { kind: "refused" };
  const timeoutMs = settings.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    const lines = factsOf(message).map(([label, value]) => `${label}: ${value}`);
    await transport.sendMail({
      from: settings.smtpFrom,
      to,
      subject: headlineOf(message),
      text: [...lines, "", `Open the batch: ${message.batch.url}`, "", `Alert ${message.alertId} (${message.type})`].join("\n"),
      headers: { "X-Sendboard-Alert-Id": message.alertId, "X-Sendboard-Alert-Type": message.type },
    });
    return { kind: "delivered", httpStatus: null };
  } catch (error) {
    const code = (error as { code?: string; responseCode?: number }) ?? {};
    if (code.code === "ETIMEDOUT") return { kind: "timeout" };
    if (typeof code.responseCode === "number") return { kind: "smtp_error", responseCode: code.responseCode };
    return { kind: "network_error" };
  } finally {
    transport.close();
  }
}
