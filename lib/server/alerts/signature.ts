import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/** The header a generic webhook's receiver verifies. */
export const SIGNATURE_HEADER = "Sendboard-Signature";

/** A per-contact-point secret, shown once when the contact point is made. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: the time is signed with the body so a
 * receiver can refuse an old message replayed later, the scheme Stripe's receivers already know.
 */
export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`, "utf8").digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}
