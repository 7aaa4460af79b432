import "server-only";
import { createPublicKey, type KeyObject } from "node:crypto";

/**
 * SendGrid shows the verification key as base64 DER (SubjectPublicKeyInfo); a PEM copy is taken
 * too. Undefined when it is not a P-256 public key, so a bad paste is refused when saved.
 */
export function parseSendGridPublicKey(text: string): KeyObject | undefined {
  const body = text.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  try {
    const key = createPublicKey({ key: Buffer.from(body, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1"
      ? key
      : undefined;
  } catch {
    return undefined;
  }
}
