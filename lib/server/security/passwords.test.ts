import { describe, expect, it } from "vitest";
import { hashPassword, passwordSchema, verifyPassword } from "./passwords";

const password = "correct horse battery";

describe("hashPassword / verifyPassword", () => {
  it("encodes scrypt with N=2^15, r=8, p=1, a 16-byte salt and a 32-byte hash", async () => {
    const encoded = await hashPassword(password);
    const [scheme, n, r, p, salt, hash] = encoded.split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(Buffer.from(salt ?? "", "base64url")).toHaveLength(16);
    expect(Buffer.from(hash ?? "", "base64url")).toHaveLength(32);
    expect(encoded).not.toContain(password);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(password, a)).toBe(true);
    expect(await verifyPassword(password, b)).toBe(true);
  });

  it("accepts the right password and refuses a wrong one", async () => {
    const encoded = await hashPassword(password);
    expect(await verifyPassword(password, encoded)).toBe(true);
    expect(await verifyPassword("correct horse battery ", encoded)).toBe(false);
    expect(await verifyPassword("Correct horse battery", encoded)).toBe(false);
    expect(await verifyPassword("", encoded)).toBe(false);
  });

  it("matches the same password in another Unicode normal form", async () => {
    const encoded = await hashPassword("caf\u00e9-password");
    expect(await verifyPassword("cafe\u0301-password", encoded)).toBe(true);
  });

  it("refuses a hash with a changed byte", async () => {
    const encoded = await hashPassword(password);
    const parts = encoded.split("$");
    const hash = Buffer.from(parts[5] ?? "", "base64url");
    hash[0] = (hash[0] ?? 0) ^ 0x01;
    parts[5] = hash.toString("base64url");
    expect(await verifyPassword(password, parts.join("$"))).toBe(false);
  });

  it("is false, not an error, for malformed encodings and missing users", async () => {
    const encoded = await hashPassword(password);
    const [, , , , salt, hash] = encoded.split("$");
    const malformed = [
      "",
      "plain-text-password",
      `bcrypt$32768$8$1$${salt}$${hash}`,
      `scrypt$32768$8$1$${salt}`,
      `scrypt$32768$8$1$${salt}$${hash}$extra`,
      `scrypt$30000$8$1$${salt}$${hash}`,
      `scrypt$0$8$1$${salt}$${hash}`,
      `scrypt$32768$0$1$${salt}$${hash}`,
      `scrypt$32768$8$-1$${salt}$${hash}`,
      `scrypt$1048576$64$1$${salt}$${hash}`,
      `scrypt$32768$8$1$${salt}$${hash}!`,
      `scrypt$32768$8$1$${salt?.slice(0, 8)}$${hash}`,
      `scrypt$32768$8$1$${salt}$${hash?.slice(0, 8)}`,
    ];
    const inputs = [...malformed, null, undefined];
    const results = await Promise.all(inputs.map((bad) => verifyPassword(password, bad)));
    expect(results).toEqual(inputs.map(() => false));
  }, 30_000);
});

describe("passwordSchema", () => {
  it("needs 10 to 200 characters", () => {
    expect(passwordSchema.safeParse("a".repeat(9)).success).toBe(false);
    expect(passwordSchema.safeParse("a".repeat(10)).success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(200)).success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(201)).success).toBe(false);
    expect(passwordSchema.safeParse(undefined).success).toBe(false);
  });

  it("explains the rule", () => {
    const result = passwordSchema.safeParse("short");
    expect(result.error?.issues[0]?.message).toBe("Password must be at least 10 characters.");
  });
});
