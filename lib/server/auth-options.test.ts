import { beforeAll, describe, expect, it } from "vitest";
import { checkAdminCredentials } from "./auth-options";

beforeAll(() => {
  process.env.AUTH_SECRET = "a".repeat(40);
  process.env.ADMIN_EMAIL = "Admin@Example.com";
  process.env.ADMIN_PASSWORD = "correct horse";
});

describe("checkAdminCredentials", () => {
  it("accepts the configured admin, email case-insensitively", () => {
    expect(checkAdminCredentials({ email: " admin@example.com ", password: "correct horse" })).toEqual({
      id: "admin",
      email: "Admin@Example.com",
      name: "Admin",
    });
  });

  it.each([
    { email: "admin@example.com", password: "wrong" },
    { email: "other@example.com", password: "correct horse" },
    { email: "admin@example.com", password: "Correct horse" },
    { email: "admin@example.com" },
    null,
    "admin@example.com:correct horse",
  ])("refuses %j", (input) => {
    expect(checkAdminCredentials(input)).toBeNull();
  });
});
