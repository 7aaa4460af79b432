import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, lastFour, parseMasterKey } from "./key-encryption";

const key = randomBytes(32);
const secret = "SG.sendboard-sim.key";

function flipByte(token: string, partIndex: number, byteIndex = 0) {
  const parts = token.split(".");
  const bytes = Buffer.from(parts[partIndex] ?? "", "base64url");
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 0x01;
  parts[partIndex] = bytes.toString("base64url");
  return parts.join(".");
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a throw");
}

describe("parseMasterKey", () => {
  it("accepts 64 hex characters and base64 / base64url of 32 bytes", () => {
    expect(parseMasterKey(key.toString("hex")).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString("hex").toUpperCase()).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString("base64")).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString("base64url")).equals(key)).toBe(true);
    expect(parseMasterKey(` ${key.toString("hex")}\n`).equals(key)).toBe(true);
  });

  it("says plainly when the key is missing", () => {
    expect(() => parseMasterKey(undefined)).toThrow(/ENCRYPTION_KEY is not set/);
    expect(() => parseMasterKey("   ")).toThrow(/ENCRYPTION_KEY is not set/);
  });

  it.each([
    ["too short hex", key.toString("hex").slice(0, 62)],
    ["too long hex", `${key.toString("hex")}ab`],
    ["16-byte base64", randomBytes(16).toString("base64")],
    ["48-byte base64", randomBytes(48).toString("base64")],
    ["a passphrase", "correct horse battery staple, but long enough"],
    ["hex with a stray character", `${key.toString("hex").slice(0, 63)}g`],
  ])("rejects %s without echoing the value", (_, value) => {
    const message = messageOf(() => parseMasterKey(value));
    expect(message).toMatch(/ENCRYPTION_KEY is malformed/);
    expect(message).not.toContain(value);
    expect(message).not.toContain(value.slice(0, 8));
  });
});

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, including empty and non-ASCII text", () => {
    for (const plain of [secret, "", "ключ-🔑", "x".repeat(5000)]) {
      expect(decryptSecret(encryptSecret(plain, key, "conn_1"), key, "conn_1")).toBe(plain);
    }
    expect(decryptSecret(encryptSecret(secret, key), key)).toBe(secret);
  });

  it("produces the compact v1 format without the plaintext in it", () => {
    const token = encryptSecret(secret, key, "conn_1");
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(token).not.toContain(secret);
    expect(token).not.toContain(Buffer.from(secret).toString("base64url"));
  });

  it("uses a fresh nonce every time", () => {
    const tokens = Array.from({ length: 500 }, () => encryptSecret(secret, key, "conn_1"));
    const nonces = tokens.map((token) => token.split(".")[1]);
    expect(new Set(nonces).size).toBe(tokens.length);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it.each([
    ["nonce", 1],
    ["ciphertext", 2],
    ["tag", 3],
  ])("detects a flipped byte in the %s", (_, part) => {
    const token = encryptSecret(secret, key, "conn_1");
    const lastByte = Buffer.from(token.split(".")[part] ?? "", "base64url").length - 1;
    for (const byteIndex of [0, lastByte]) {
      expect(() => decryptSecret(flipByte(token, part, byteIndex), key, "conn_1")).toThrow(
        /could not be decrypted/,
      );
    }
  });

  it("refuses another master key", () => {
    const token = encryptSecret(secret, key, "conn_1");
    expect(() => decryptSecret(token, randomBytes(32), "conn_1")).toThrow(/could not be decrypted/);
  });

  it("refuses a ciphertext moved to another record", () => {
    const token = encryptSecret(secret, key, "conn_1");
    expect(() => decryptSecret(token, key, "conn_2")).toThrow(/could not be decrypted/);
    expect(() => decryptSecret(token, key)).toThrow(/could not be decrypted/);
    expect(() => decryptSecret(encryptSecret(secret, key), key, "conn_1")).toThrow(
      /could not be decrypted/,
    );
  });

  it("rejects malformed tokens with a message that carries no data", () => {
    const token = encryptSecret(secret, key, "conn_1");
    const [, nonce, ciphertext, tag] = token.split(".");
    const malformed = [
      "",
      "v1",
      "v1...",
      `v2.${nonce}.${ciphertext}.${tag}`,
      `v1.${nonce}.${ciphertext}`,
      `v1.${nonce}.${ciphertext}.${tag}.extra`,
      `v1.${nonce}.${ciphertext}.${tag?.slice(0, -2)}`,
      `v1.${nonce?.slice(0, -2)}.${ciphertext}.${tag}`,
      `v1.${nonce}.${ciphertext}+/.${tag}`,
      `v1.${nonce}.${ciphertext}.${tag}=`,
      `v1.${nonce}.${ciphertext}!.${tag}`,
    ];
    for (const bad of malformed) {
      const message = messageOf(() => decryptSecret(bad, key, "conn_1"));
      expect(message).toMatch(/not in the expected encrypted format/);
      if (ciphertext) expect(message).not.toContain(ciphertext);
    }
  });

  it("refuses a master key of the wrong size", () => {
    expect(() => encryptSecret(secret, randomBytes(16))).toThrow(/32 bytes/);
    expect(() => decryptSecret(encryptSecret(secret, key), randomBytes(31))).toThrow(/32 bytes/);
  });
});

describe("lastFour", () => {
  it("shows the last four characters of a normal key", () => {
    expect(lastFour("sk_test_sendboard_abcd")).toBe("…abcd");
  });

  it("shows fewer characters of short keys, never most of the key", () => {
    expect(lastFour("12345678")).toBe("…78");
    expect(lastFour("1234567")).toBe("…7");
    expect(lastFour("abcd")).toBe("…d");
    expect(lastFour("abc")).toBe("…");
    expect(lastFour("")).toBe("…");
  });
});
