import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { authorizeCredentials, TOO_MANY_ATTEMPTS } from "./auth-options";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "sendboard-auth-"));

beforeAll(() => {
  Object.assign(process.env, {
    AUTH_SECRET: "a".repeat(40),
    ADMIN_EMAIL: "Admin@Example.com",
    ADMIN_PASSWORD: "correct horse",
    ENCRYPTION_KEY: "cd".repeat(32),
    DATA_DIR: dataDir,
  });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("authorizeCredentials (real database, bootstrap admin from the environment)", () => {
  it("accepts the admin, email case-insensitively", async () => {
    expect(await authorizeCredentials({ email: " admin@example.com ", password: "correct horse" }, "10.0.0.1")).toMatchObject({
      email: "admin@example.com",
      name: "Admin",
    });
  });

  it.each([
    { email: "admin@example.com", password: "wrong" },
    { email: "other@example.com", password: "correct horse" },
    { email: "admin@example.com", password: "Correct horse" },
    { email: "admin@example.com" },
    null,
  ])("refuses %j", async (input) => {
    expect(await authorizeCredentials(input, "10.0.0.2")).toBeNull();
  });

  it("locks an email and address pair after repeated failures, even for the right password", async () => {
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: "admin@example.com", password: "guess" }, "10.0.0.3");
    await expect(authorizeCredentials({ email: "admin@example.com", password: "correct horse" }, "10.0.0.3")).rejects.toThrow(TOO_MANY_ATTEMPTS);
    expect(await authorizeCredentials({ email: "admin@example.com", password: "correct horse" }, "10.0.0.4")).not.toBeNull();
  });
});
