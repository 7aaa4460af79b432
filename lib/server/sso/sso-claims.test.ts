import { describe, expect, it } from "vitest";
import { checkSsoClaims, isAllowedDomain, roleFromClaims } from "./sso-claims";
import type { SsoSettings } from "./sso-settings";

const settings: SsoSettings = {
  issuer: "https://idp.example.com",
  clientId: "sendboard",
  clientSecret: "secret",
  label: "Acme SSO",
  allowedDomains: ["acme.com", "acme.io"],
  roleClaim: { name: "groups", values: { admin: ["sb-admins"], operator: ["sb-ops", "support"] } },
  team: null,
};
const claims = { iss: "https://idp.example.com", sub: "u-1", email: "Ana@ACME.com", email_verified: true, name: "Ana Lima", groups: ["staff"] };

describe("checkSsoClaims", () => {
  it("turns a verified email in an allowed domain into an identity keyed by issuer and subject", () => {
    expect(checkSsoClaims(claims, settings)).toEqual({
      ok: true,
      identity: { subject: "https://idp.example.com u-1", email: "ana@acme.com", name: "Ana Lima", role: "member" },
    });
  });

  it.each([
    [{ email_verified: false }, "unverified_email"],
    [{ email_verified: "yes" }, "unverified_email"],
    [{ email_verified: 1 }, "unverified_email"],
    [{ email_verified: undefined }, "unverified_email"],
    [{ email: undefined }, "no_email"],
    [{ email: "not-an-address" }, "no_email"],
    [{ sub: "" }, "no_email"],
    [{ email: "ana@evil.com" }, "domain"],
  ] as const)("refuses %j as %s", (change, reason) => {
    expect(checkSsoClaims({ ...claims, ...change }, settings)).toEqual({ ok: false, reason });
  });

  it("takes email_verified written as the string \"true\", as a few providers send it", () => {
    expect(checkSsoClaims({ ...claims, email_verified: "true" }, settings).ok).toBe(true);
  });

  it("names a person without a usable name by their email's local part", () => {
    const verdict = checkSsoClaims({ ...claims, name: "  \u202Eevil" }, settings);
    expect(verdict.ok && verdict.identity.name).toBe("ana");
    const unnamed = checkSsoClaims({ ...claims, name: undefined }, settings);
    expect(unnamed.ok && unnamed.identity.name).toBe("ana");
  });

  it("leaves the role to Sendboard when no role claim is configured", () => {
    const verdict = checkSsoClaims({ ...claims, groups: ["sb-admins"] }, { ...settings, roleClaim: null });
    expect(verdict.ok && verdict.identity.role).toBeNull();
  });
});

describe("isAllowedDomain", () => {
  it("matches the domain exactly, case-insensitively, and allows all without a list", () => {
    expect(isAllowedDomain("a@acme.com", ["acme.com"])).toBe(true);
    expect(isAllowedDomain("a@ACME.COM", ["acme.com"])).toBe(true);
    expect(isAllowedDomain("a@sub.acme.com", ["acme.com"])).toBe(false);
    expect(isAllowedDomain("a@acme.com.evil.net", ["acme.com"])).toBe(false);
    expect(isAllowedDomain("a@notacme.com", ["acme.com"])).toBe(false);
    // Only the part after the last @ is the domain.
    expect(isAllowedDomain("acme.com@evil.net", ["acme.com"])).toBe(false);
    expect(isAllowedDomain("a@anything.net", null)).toBe(true);
  });
});

describe("roleFromClaims", () => {
  const roleClaim = settings.roleClaim;
  it.each([
    [["sb-admins"], "admin"],
    [["support", "sb-admins"], "admin"],
    [["staff", "support"], "operator"],
    ["sb-ops", "operator"],
    ["sb-admins", "admin"],
    [["staff"], "member"],
    [[], "member"],
    [undefined, "member"],
    [42, "member"],
    [[{ name: "sb-admins" }], "member"],
    // Group names are matched exactly.
    [["SB-ADMINS", "sb-admins-old"], "member"],
  ])("%j → %s (admin > operator > member)", (groups, role) => {
    expect(roleFromClaims({ groups }, roleClaim)).toBe(role);
  });

  it("reads the configured claim, not groups", () => {
    const roles = { name: "https://acme.com/roles", values: { admin: ["admin"], operator: [] } };
    expect(roleFromClaims({ "https://acme.com/roles": "admin", groups: [] }, roles)).toBe("admin");
  });
});
