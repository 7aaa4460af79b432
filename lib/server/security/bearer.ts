import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/** Compares `Authorization: Bearer <token>` to the expected token in constant time. */
export function bearerMatches(header: string | null, expected: string): boolean {
  const given = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return given !== "" && timingSafeEqual(digest(given), digest(expected));
}

/** The credential of `Authorization: Bearer <token>`, or null when the request sends none. */
export function bearerTokenOf(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header || !/^Bearer /i.test(header)) return null;
  return header.slice("Bearer ".length).trim();
}
