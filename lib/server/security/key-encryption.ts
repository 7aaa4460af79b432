import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HOW_TO_FIX = "Generate one with `openssl rand -hex 32` and set it in the environment.";

/** Reads ENCRYPTION_KEY: 32 bytes as 64 hex characters or as base64 / base64url. */
export function parseMasterKey(value: string | undefined): Buffer {
  const text = value?.trim() ?? "";
  if (text === "") throw new Error(`ENCRYPTION_KEY is not set. ${HOW_TO_FIX}`);
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text, "base64");
    if (key.length === KEY_BYTES) return key;
  }
  throw new Error(
    `ENCRYPTION_KEY is malformed: it must be 32 bytes written as 64 hex characters or as base64 ` +
      `(the value given has ${text.length} characters). ${HOW_TO_FIX}`,
  );
}

/** Encrypts with a fresh nonce; pass the record id as `aad` so the result only opens for that row. */
export function encryptSecret(plain: string, masterKey: Buffer, aad?: string): string {
  checkKey(masterKey);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, masterKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(aad));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, nonce, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Throws without any of the data; tampering, a wrong key and a wrong record look the same. */
export function decryptSecret(token: string, masterKey: Buffer, aad?: string): string {
  checkKey(masterKey);
  const parts = parseToken(token);
  if (!parts) throw new Error("Stored secret is not in the expected encrypted format.");
  try {
    const decipher = createDecipheriv(ALGORITHM, masterKey, parts.nonce, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedData(aad));
    decipher.setAuthTag(parts.tag);
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "Stored secret could not be decrypted: it was altered, belongs to another record, or ENCRYPTION_KEY changed.",
    );
  }
}

/** What the UI may show of a saved key; short keys reveal less so the hint never gives most of it away. */
export function lastFour(key: string): string {
  const chars = Array.from(key);
  const shown = Math.min(4, Math.floor(chars.length / 4));
  return `…${shown > 0 ? chars.slice(-shown).join("") : ""}`;
}

function checkKey(masterKey: Buffer) {
  if (masterKey.length !== KEY_BYTES) throw new Error("The master key must be exactly 32 bytes.");
}

// The format version is authenticated too, so a record cannot be relabelled as another format.
function associatedData(aad: string | undefined): Buffer {
  return Buffer.from(`sendboard:${VERSION}:${aad ?? ""}`, "utf8");
}

function parseToken(token: string) {
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [nonce, ciphertext, tag] = parts.slice(1).map(decodeBase64Url);
  if (nonce?.length !== NONCE_BYTES || tag?.length !== TAG_BYTES || !ciphertext) return null;
  return { nonce, ciphertext, tag };
}

// Only canonical base64url is accepted; Buffer.from alone would skip stray characters.
function decodeBase64Url(part: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return null;
  const bytes = Buffer.from(part, "base64url");
  return bytes.toString("base64url") === part ? bytes : null;
}
