import { describe, expect, it } from "vitest";
import { EnvError, getProviderSettings, parseEnv } from "./env";

const minimal = {
  AUTH_SECRET: "s".repeat(32),
  ADMIN_EMAIL: "admin@example.com",
  ADMIN_PASSWORD: "password1",
  ENCRYPTION_KEY: "ab".repeat(32),
};

describe("parseEnv", () => {
  it("fills the documented defaults", () => {
    const env = parseEnv(minimal);
    expect(env).toMatchObject({
      MIGMA_API_URL: "https://api.migma.ai",
      MINDO_API_URL: "https://api.mindosoftware.com",
      BOLNA_API_URL: "https://api.bolna.ai",
      SENDGRID_API_URL: "https://api.sendgrid.com",
      DATA_DIR: "./data",
      PORT: 3000,
      HOSTNAME: "127.0.0.1",
      UPSTREAM_TIMEOUT_MS: 10_000,
      HISTORY_RETENTION_DAYS: 30,
      AUDIT_RETENTION_DAYS: 365,
    });
    expect(getProviderSettings(env, "mindo").apiKey).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ ...minimal, MIGMA_API_KEY: "", SENDGRID_API_URL: "" });
    expect(env.MIGMA_API_KEY).toBeUndefined();
    expect(env.SENDGRID_API_URL).toBe("https://api.sendgrid.com");
  });

  it("names every bad variable in one readable message and never echoes secrets", () => {
    let error: unknown;
    try {
      parseEnv({
        AUTH_SECRET: "short-secret-value",
        ADMIN_EMAIL: "nope",
        MINDO_API_URL: "ftp://x",
        PORT: "99999",
        BOLNA_API_KEY: "has space",
        ENCRYPTION_KEY: "not-a-real-master-key",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ["AUTH_SECRET", "ADMIN_EMAIL", "ADMIN_PASSWORD", "MINDO_API_URL", "PORT", "BOLNA_API_KEY", "ENCRYPTION_KEY"]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain("short-secret-value");
    expect(message).not.toContain("has space");
    expect(message).not.toContain("not-a-real-master-key");
  });

  it("stops on a missing master key", () => {
    expect(() => parseEnv({ ...minimal, ENCRYPTION_KEY: undefined })).toThrow(/ENCRYPTION_KEY/);
  });

  it("caps the upstream timeout at 10 s", () => {
    expect(() => parseEnv({ ...minimal, UPSTREAM_TIMEOUT_MS: "60000" })).toThrow(EnvError);
  });

  it("keeps history for a whole number of days, at least one", () => {
    expect(parseEnv({ ...minimal, HISTORY_RETENTION_DAYS: "90" }).HISTORY_RETENTION_DAYS).toBe(90);
    for (const bad of ["0", "1.5", "forever"]) {
      expect(() => parseEnv({ ...minimal, HISTORY_RETENTION_DAYS: bad })).toThrow(/HISTORY_RETENTION_DAYS/);
    }
  });

  it("keeps the activity log for a whole number of days, at least one", () => {
    expect(parseEnv({ ...minimal, AUDIT_RETENTION_DAYS: "30" }).AUDIT_RETENTION_DAYS).toBe(30);
    for (const bad of ["0", "2.5", "forever"]) {
      expect(() => parseEnv({ ...minimal, AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS/);
    }
  });
});
