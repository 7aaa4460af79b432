import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Share links and one-time set-password invites both use these: the token is shown once,
// only its hash is stored, so a leaked database cannot be turned back into working links.

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes as base64url (43 characters), safe in a URL path. */
export function createShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Lets a route refuse garbage before hashing it or touching the database. */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

/** SHA-256 hex of the token; the only form that is stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** `null` never expires; an unreadable date counts as expired so a bad row fails closed. */
export function isExpired(expiresAt: string | null, now: Date): boolean {
  if (expiresAt === null) return false;
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) return true;
  return now.getTime() >= expiry;
}

/** Constant-time comparison of two hex digests; false for anything that is not even-length hex. */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (!isHex(a) || !isHex(b) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}

function isHex(value: string): boolean {
  return value.length > 0 && value.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(value);
}
