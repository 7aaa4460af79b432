import { describe, expect, it } from "vitest";
import { acceptInviteSchema, PASSWORD_MIN_LENGTH } from "@/lib/team-user";
import { EnvError, getProviderSettings, parseEnv } from "./env";
import { ssoSettingsFrom } from "./sso/sso-settings";

const minimal = {
  AUTH_SECRET: "s".repeat(32),
  ADMIN_EMAIL: "admin@example.com",
  ADMIN_PASSWORD: "password12",
  ENCRYPTION_KEY: "ab".repeat(32),
  APP_URL: "http://127.0.0.1:3000",
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
      TRUSTED_PROXY_HOPS: 0,
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

  it("stops without APP_URL, with a message that says what to set", () => {
    expect(() => parseEnv({ ...minimal, APP_URL: undefined })).toThrow(/APP_URL: is required: the origin people open, e.g. https:\/\/sendboard\.example\.com/);
  });

  it("keeps APP_URL as a bare origin and refuses anything more", () => {
    expect(parseEnv({ ...minimal, APP_URL: "https://Sendboard.Example.com/" }).APP_URL).toBe("https://sendboard.example.com");
    expect(parseEnv({ ...minimal, APP_URL: "http://127.0.0.1:3000" }).APP_URL).toBe("http://127.0.0.1:3000");
    for (const bad of ["https://sendboard.example.com/app", "https://a.example/?x=1", "ftp://a.example", "https://user:pw@a.example", "sendboard.example.com"]) {
      expect(() => parseEnv({ ...minimal, APP_URL: bad }), bad).toThrow(/APP_URL/);
    }
  });

  it("trusts no proxy unless TRUSTED_PROXY_HOPS says how many", () => {
    expect(parseEnv({ ...minimal, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ["-1", "1.5", "all"]) expect(() => parseEnv({ ...minimal, TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("holds ADMIN_PASSWORD to the same minimum length as an invited user's password", () => {
    const tooShort = "p".repeat(PASSWORD_MIN_LENGTH - 1);
    const justLongEnough = "p".repeat(PASSWORD_MIN_LENGTH);
    expect(() => parseEnv({ ...minimal, ADMIN_PASSWORD: tooShort })).toThrow(/ADMIN_PASSWORD/);
    expect(acceptInviteSchema.safeParse({ password: tooShort }).success).toBe(false);
    expect(parseEnv({ ...minimal, ADMIN_PASSWORD: justLongEnough }).ADMIN_PASSWORD).toBe(justLongEnough);
    expect(acceptInviteSchema.safeParse({ password: justLongEnough }).success).toBe(true);
  });
  it("keeps the activity log for a whole number of days, at least one", () => {
    expect(parseEnv({ ...minimal, AUDIT_RETENTION_DAYS: "30" }).AUDIT_RETENTION_DAYS).toBe(30);
    for (const bad of ["0", "2.5", "forever"]) {
      expect(() => parseEnv({ ...minimal, AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS/);
    }
  });
});

describe("single sign-on settings", () => {
  const sso = { OIDC_ISSUER: "https://idp.example.com/realms/acme/", OIDC_CLIENT_ID: "sendboard", OIDC_CLIENT_SECRET: "client-secret-value" };
  const errorOf = (source: Record<string, string>) => {
    try {
      parseEnv({ ...minimal, ...source });
    } catch (error) {
      return (error as Error).message;
    }
    return "";
  };

  it("is off by default, with password sign-in on", () => {
    const env = parseEnv(minimal);
    expect(ssoSettingsFrom(env)).toBeNull();
    expect(env.PASSWORD_SIGN_IN).toBe("on");
  });

  it("turns on with the three variables, the issuer without its trailing slash, and parses the lists", () => {
    const env = parseEnv({
      ...minimal,
      ...sso,
      OIDC_ALLOWED_DOMAINS: " Acme.com, acme.io ,",
      OIDC_ROLE_CLAIM: "groups",
      OIDC_ADMIN_VALUES: "sb-admins",
      OIDC_OPERATOR_VALUES: "sb-ops, support",
      OIDC_TEAM: "Team",
      PASSWORD_SIGN_IN: "off",
    });
    expect(ssoSettingsFrom(env)).toEqual({
      issuer: "https://idp.example.com/realms/acme",
      clientId: "sendboard",
      clientSecret: "client-secret-value",
      label: "single sign-on",
      allowedDomains: ["acme.com", "acme.io"],
      roleClaim: { name: "groups", values: { admin: ["sb-admins"], operator: ["sb-ops", "support"] } },
      team: "Team",
    });
    expect(env.PASSWORD_SIGN_IN).toBe("off");
    expect(ssoSettingsFrom(parseEnv({ ...minimal, ...sso, OIDC_NAME: "Okta" }))?.label).toBe("Okta");
  });

  it("is all or nothing: one or two of the three name the missing ones, never the secret", () => {
    const message = errorOf({ OIDC_ISSUER: sso.OIDC_ISSUER, OIDC_CLIENT_SECRET: sso.OIDC_CLIENT_SECRET });
    expect(message).toMatch(/OIDC_CLIENT_ID: is required with OIDC_ISSUER, OIDC_CLIENT_SECRET/);
    expect(message).not.toMatch(/OIDC_ISSUER:|OIDC_CLIENT_SECRET:/);
    expect(message).not.toContain(sso.OIDC_CLIENT_SECRET);
    expect(errorOf({ OIDC_CLIENT_ID: "x" })).toMatch(/OIDC_ISSUER: is required[\s\S]*OIDC_CLIENT_SECRET: is required/);
    // Empty means unset, as everywhere.
    expect(ssoSettingsFrom(parseEnv({ ...minimal, OIDC_ISSUER: "", OIDC_CLIENT_ID: "", OIDC_CLIENT_SECRET: "" }))).toBeNull();
  });

  it("refuses refinements without single sign-on, role values without a claim, and passwords off without SSO", () => {
    expect(errorOf({ OIDC_ALLOWED_DOMAINS: "acme.com" })).toMatch(/OIDC_ALLOWED_DOMAINS: is set but single sign-on is off/);
    expect(errorOf({ ...sso, OIDC_ADMIN_VALUES: "sb-admins" })).toMatch(/OIDC_ADMIN_VALUES: needs OIDC_ROLE_CLAIM/);
    expect(errorOf({ PASSWORD_SIGN_IN: "off" })).toMatch(/PASSWORD_SIGN_IN: can be off only with single sign-on/);
  });

  it.each([
    { OIDC_ISSUER: "ftp://idp.example.com" },
    { OIDC_ALLOWED_DOMAINS: "acme" },
    { OIDC_ALLOWED_DOMAINS: "*.acme.com" },
    { OIDC_ALLOWED_DOMAINS: " , " },
    { OIDC_ROLE_CLAIM: "my groups" },
    { PASSWORD_SIGN_IN: "no" },
  ] as Record<string, string>[])("refuses %j", (bad) => {
    expect(errorOf({ ...sso, ...bad })).toContain(Object.keys(bad)[0]);
  });
});
