import "server-only";
import { verify, type KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";

export const SIGNATURE_HEADER = "x-twilio-email-event-webhook-signature";
export const TIMESTAMP_HEADER = "x-twilio-email-event-webhook-timestamp";

/** A body signed further from now than this is a replay (or a clock far off): refused. */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Throws 401 unless `signature` (base64 DER ECDSA over SHA-256) signs `timestamp + body` with the
 * key, and the timestamp is within MAX_CLOCK_SKEW_MS of now. Runs on the raw bytes, before any
 * parsing, so nothing of an unsigned body is ever read.
 */
export function assertSignedBySendGrid(
  key: KeyObject,
  {
    signature,
    timestamp,
    body,
  }: { signature: string | null; timestamp: string | null; body: Uint8Array },
  now: Date,
): void {
  if (!signature || !timestamp)
    throw unsigned("This request is not signed: SendGrid's signature headers are missing.");
  if (!/^\d{1,12}$/.test(timestamp.trim()))
    throw unsigned("The signature timestamp is not a time.");
  if (Math.abs(now.getTime() - Number(timestamp.trim()) * 1000) > MAX_CLOCK_SKEW_MS)
    throw unsigned("The signature timestamp is more than 10 minutes away from now.");
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  let valid = false;
  try {
    valid = verify(
      "sha256",
      signed,
      { key, dsaEncoding: "der" },
      Buffer.from(signature.trim(), "base64"),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw unsigned("The signature does not match this connection's verification key.");
}

function unsigned(message: string): AppError {
  return new AppError("unauthorized", message);
}
