import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSendGridSigner } from "@/sim/sendgrid-signer";
import { parseSendGridPublicKey } from "@/lib/server/security/sendgrid-public-key";
import { assertSignedBySendGrid } from "./verify-signature";

const signer = createSendGridSigner();
const key = parseSendGridPublicKey(signer.publicKey)!;
const now = new Date("2026-12-02T12:00:00Z");
const body = Buffer.from(
  JSON.stringify([{ sg_event_id: "e1", event: "delivered", email: "a@example.com" }]),
);

function delivery(bytes: Uint8Array = body, at = now) {
  const headers = signer.headersFor(bytes, at);
  return {
    signature: headers["X-Twilio-Email-Event-Webhook-Signature"]!,
    timestamp: headers["X-Twilio-Email-Event-Webhook-Timestamp"]!,
    body: bytes,
  };
}

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return "accepted";
};

describe("assertSignedBySendGrid", () => {
  it("accepts a body signed with the connection's key", () => {
    expect(refusal(() => assertSignedBySendGrid(key, delivery(), now))).toBe("accepted");
  });

  it("refuses a body with one byte changed after signing", () => {
    const signed = delivery();
    const tampered = Buffer.from(signed.body);
    tampered[10] = tampered[10]! ^ 1;
    expect(refusal(() => assertSignedBySendGrid(key, { ...signed, body: tampered }, now))).toBe(
      "unauthorized",
    );
  });

  it("refuses a timestamp changed after signing (it is signed too)", () => {
    const signed = delivery();
    expect(
      refusal(() =>
        assertSignedBySendGrid(
          key,
          { ...signed, timestamp: String(Number(signed.timestamp) + 1) },
          now,
        ),
      ),
    ).toBe("unauthorized");
  });

  it("refuses a signature more than 10 minutes old or ahead, however valid", () => {
    const old = delivery(body, new Date(now.getTime() - 11 * 60_000));
    const ahead = delivery(body, new Date(now.getTime() + 11 * 60_000));
    const recent = delivery(body, new Date(now.getTime() - 9 * 60_000));
    expect(refusal(() => assertSignedBySendGrid(key, old, now))).toBe("unauthorized");
    expect(refusal(() => assertSignedBySendGrid(key, ahead, now))).toBe("unauthorized");
    expect(refusal(() => assertSignedBySendGrid(key, recent, now))).toBe("accepted");
  });

  it("refuses a request without either header, or signed by another key", () => {
    const signed = delivery();
    expect(refusal(() => assertSignedBySendGrid(key, { ...signed, signature: null }, now))).toBe(
      "unauthorized",
    );
    expect(refusal(() => assertSignedBySendGrid(key, { ...signed, timestamp: null }, now))).toBe(
      "unauthorized",
    );
    expect(
      refusal(() =>
        assertSignedBySendGrid(key, { ...signed, signature: "not base64 at all!" }, now),
      ),
    ).toBe("unauthorized");
    const other = createSendGridSigner();
    const otherSigned = {
      ...signed,
      signature: other.headersFor(body, now)["X-Twilio-Email-Event-Webhook-Signature"]!,
    };
    expect(refusal(() => assertSignedBySendGrid(key, otherSigned, now))).toBe("unauthorized");
  });
});

describe("parseSendGridPublicKey", () => {
  it("takes the base64 key SendGrid shows, and a PEM copy of it", () => {
    expect(parseSendGridPublicKey(signer.publicKey)).toBeDefined();
    const pem = `-----BEGIN PUBLIC KEY-----\n${signer.publicKey.match(/.{1,64}/g)!.join("\n")}\n-----END PUBLIC KEY-----\n`;
    expect(parseSendGridPublicKey(pem)).toBeDefined();
  });

  it("refuses text that is not a P-256 public key", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 })
      .publicKey.export({ format: "der", type: "spki" })
      .toString("base64");
    expect(parseSendGridPublicKey(rsa)).toBeUndefined();
    expect(parseSendGridPublicKey("SG.not-a-key")).toBeUndefined();
    expect(parseSendGridPublicKey("")).toBeUndefined();
  });
});
