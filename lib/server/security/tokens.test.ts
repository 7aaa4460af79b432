import { describe, expect, it } from "vitest";
import {
  createShareToken,
  hashToken,
  isExpired,
  isTokenShaped,
  timingSafeEqualHex,
} from "./tokens";

describe("createShareToken", () => {
  it("returns 43 URL-safe characters of 32 random bytes", () => {
    const token = createShareToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isTokenShaped(token)).toBe(true);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 1000 }, createShareToken));
    expect(tokens.size).toBe(1000);
  });
});

describe("isTokenShaped", () => {
  it.each([
    ["empty", ""],
    ["too short", "a".repeat(42)],
    ["too long", "a".repeat(44)],
    ["padded", `${"a".repeat(42)}=`],
    ["standard base64 characters", `${"a".repeat(41)}+/`],
    ["a path", `../${"a".repeat(40)}`],
  ])("rejects %s", (_, value) => {
    expect(isTokenShaped(value)).toBe(false);
  });

  it("rejects non-strings", () => {
    expect(isTokenShaped(undefined)).toBe(false);
    expect(isTokenShaped(["a".repeat(43)])).toBe(false);
  });
});

describe("hashToken", () => {
  it("is a stable SHA-256 hex digest that differs from the token", () => {
    const token = createShareToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hash);
    expect(hash).not.toBe(token);
    expect(hash).not.toContain(token);
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("gives different tokens different hashes", () => {
    const token = createShareToken();
    const other = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(hashToken(other)).not.toBe(hashToken(token));
  });
});

describe("isExpired", () => {
  const expiresAt = "2030-01-01T00:00:00.000Z";

  it("is valid until the last millisecond and expired from the exact instant", () => {
    expect(isExpired(expiresAt, new Date("2029-12-31T23:59:59.999Z"))).toBe(false);
    expect(isExpired(expiresAt, new Date(expiresAt))).toBe(true);
    expect(isExpired(expiresAt, new Date("2030-01-01T00:00:00.001Z"))).toBe(true);
  });

  it("respects time zone offsets", () => {
    expect(isExpired("2030-01-01T02:00:00+02:00", new Date("2029-12-31T23:59:59Z"))).toBe(false);
    expect(isExpired("2030-01-01T02:00:00+02:00", new Date("2030-01-01T00:00:00Z"))).toBe(true);
  });

  it("never expires without an expiry", () => {
    expect(isExpired(null, new Date("9999-12-31T00:00:00Z"))).toBe(false);
  });

  it("treats an unreadable expiry as expired", () => {
    expect(isExpired("", new Date(0))).toBe(true);
    expect(isExpired("next week", new Date(0))).toBe(true);
  });
});

describe("timingSafeEqualHex", () => {
  const hash = hashToken("a");

  it("compares digests", () => {
    expect(timingSafeEqualHex(hash, hashToken("a"))).toBe(true);
    expect(timingSafeEqualHex(hash, hash.toUpperCase())).toBe(true);
    expect(timingSafeEqualHex(hash, hashToken("b"))).toBe(false);
  });

  it("is false for different lengths or anything that is not hex", () => {
    expect(timingSafeEqualHex(hash, hash.slice(0, -2))).toBe(false);
    expect(timingSafeEqualHex(hash, `${hash.slice(0, -1)}z`)).toBe(false);
    expect(timingSafeEqualHex(`${hash.slice(0, -1)}z`, `${hash.slice(0, -1)}z`)).toBe(false);
    expect(timingSafeEqualHex("abc", "abc")).toBe(false);
    expect(timingSafeEqualHex("", "")).toBe(false);
  });
});
