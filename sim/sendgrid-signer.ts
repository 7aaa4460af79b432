import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";

// SendGrid signs each Event Webhook POST with ECDSA P-256 over SHA-256 of `timestamp + body`, and
// shows the account's public key as base64 DER (SubjectPublicKeyInfo): what is pasted into Sendboard.

export type SendGridSigner = {
  /** The verification key as SendGrid's settings page shows it. */
  publicKey: string;
  /** The two headers SendGrid sends with `body`, signed at `at` (default: now). */
  headersFor(body: string | Uint8Array, at?: Date): Record<string, string>;
};

export const SENDGRID_SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
export const SENDGRID_TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

export function createSendGridSigner(
  privateKey?: KeyObject,
  publicKey?: KeyObject,
): SendGridSigner {
  const pair =
    privateKey && publicKey
      ? { privateKey, publicKey }
      : generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return {
    publicKey: pair.publicKey.export({ format: "der", type: "spki" }).toString("base64"),
    headersFor(body, at = new Date()) {
      const timestamp = String(Math.floor(at.getTime() / 1000));
      const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
      const signature = sign("sha256", Buffer.concat([Buffer.from(timestamp), bytes]), {
        key: pair.privateKey,
        dsaEncoding: "der",
      });
      return {
        [SENDGRID_SIGNATURE_HEADER]: signature.toString("base64"),
        [SENDGRID_TIMESTAMP_HEADER]: timestamp,
      };
    },
  };
}
