import "server-only";
import { randomBytes } from "node:crypto";

// `sb_` + 32 random bytes in base62: copyable by double click (no `-` or `_` inside), greppable by
// secret scanners through the prefix. 43 digits hold any 256-bit number (62^43 > 2^256).

const PREFIX = "sb_";
const TOKEN_BYTES = 32;
const DIGITS = 43;
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SHAPE = /^sb_[0-9A-Za-z]{43}$/;

export function createApiTokenSecret(): string {
  return PREFIX + toBase62(randomBytes(TOKEN_BYTES));
}

/** Lets the bearer check refuse garbage before hashing it or touching the database. */
export function isApiTokenShaped(value: string): boolean {
  return SHAPE.test(value);
}

/** What the list shows of a token: enough to tell two apart, never enough to use one. */
export function lastFourOf(token: string): string {
  return token.slice(-4);
}

function toBase62(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString("hex")}`);
  let digits = "";
  for (let i = 0; i < DIGITS; i++) {
    digits = ALPHABET[Number(value % BigInt(62))] + digits;
    value /= BigInt(62);
  }
  return digits;
}
