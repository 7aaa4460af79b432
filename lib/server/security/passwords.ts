import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/team-user";

const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const DUMMY_SALT = Buffer.alloc(SALT_BYTES);
// Stored encodings are ours, but a corrupted row must not make a sign-in allocate gigabytes.
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Password must be at most 200 characters.");

type ScryptParams = { N: number; r: number; p: number };

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(plain, salt, PARAMS, HASH_BYTES);
  return [
    "scrypt",
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString("base64url"),
    hash.toString("base64url"),
  ].join("$");
}

/**
 * False for a wrong password or an unreadable encoding. Pass `null` when the user does not exist:
 * the same work is done either way, so timing does not reveal which emails have accounts.
 */
export async function verifyPassword(
  plain: string,
  encoded: string | null | undefined,
): Promise<boolean> {
  const parsed = encoded ? parseEncoding(encoded) : null;
  if (!parsed) {
    await derive(plain, DUMMY_SALT, PARAMS, HASH_BYTES);
    return false;
  }
  const actual = await derive(plain, parsed.salt, parsed.params, parsed.hash.length);
  return timingSafeEqual(actual, parsed.hash);
}

function parseEncoding(encoded: string) {
  const [scheme, n, r, p, salt, hash, ...rest] = encoded.split("$");
  if (scheme !== "scrypt" || rest.length > 0 || !salt || !hash) return null;
  const params = { N: toInt(n), r: toInt(r), p: toInt(p) };
  const saltBytes = fromBase64Url(salt);
  const hashBytes = fromBase64Url(hash);
  const isPowerOfTwo = params.N > 1 && Number.isInteger(Math.log2(params.N));
  if (!isPowerOfTwo || params.r < 1 || params.p < 1 || memoryFor(params) > MAX_MEMORY_BYTES)
    return null;
  if (
    !saltBytes ||
    saltBytes.length < 16 ||
    !hashBytes ||
    hashBytes.length < 16 ||
    hashBytes.length > 64
  )
    return null;
  return { params, salt: saltBytes, hash: hashBytes };
}

function derive(
  plain: string,
  salt: Buffer,
  params: ScryptParams,
  length: number,
): Promise<Buffer> {
  // NFKC so the same password typed on another keyboard or OS still matches.
  const password = plain.normalize("NFKC");
  const options: ScryptOptions = { ...params, maxmem: 2 * memoryFor(params) };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function memoryFor({ N, r, p }: ScryptParams): number {
  return 128 * N * r * p;
}

function toInt(value: string | undefined): number {
  return value !== undefined && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : 0;
}

function fromBase64Url(value: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const bytes = Buffer.from(value, "base64url");
  return bytes.toString("base64url") === value ? bytes : null;
}
