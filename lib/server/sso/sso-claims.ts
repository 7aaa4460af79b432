import "server-only";
import { isPlainText } from "@/lib/plain-text";
import type { UserRole } from "@/lib/team-user";
import { normalizeEmail } from "@/lib/server/people";
import type { SsoSettings } from "./sso-settings";

/** Why a sign-in the identity provider accepted is refused here; each has its own page text. */
export const SSO_REFUSALS = ["domain", "unverified_email", "no_email", "linked_elsewhere", "no_team"] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

/** Who the ID token says signed in, once it passed the rules below. */
export type SsoIdentity = {
  /** `iss sub`: the provider's stable id for the person, unlike the email. */
  subject: string;
  email: string;
  name: string;
  /** null: no role claim is configured, so Sendboard's own role stands. */
  role: UserRole | null;
};

export type SsoClaimsVerdict = { ok: true; identity: SsoIdentity } | { ok: false; reason: SsoRefusal };

/**
 * The ID token's claims against the configured rules: an email the provider vouches for
 * (`email_verified` true: an unverified address could be anyone's, and email is how an invited
 * person is matched), in an allowed domain, and the role the role claim maps to.
 */
export function checkSsoClaims(claims: Record<string, unknown>, settings: SsoSettings): SsoClaimsVerdict {
  const { email } = claims;
  const subject = ssoSubjectOf(claims);
  if (typeof email !== "string" || !email.includes("@") || subject === null) return { ok: false, reason: "no_email" };
  // A few providers write the boolean as a string; anything else, absent included, is not a yes.
  if (claims.email_verified !== true && claims.email_verified !== "true") return { ok: false, reason: "unverified_email" };
  const address = normalizeEmail(email);
  if (!isAllowedDomain(address, settings.allowedDomains)) return { ok: false, reason: "domain" };
  return {
    ok: true,
    identity: { subject, email: address, name: displayName(claims.name, address), role: roleFromClaims(claims, settings.roleClaim) },
  };
}

/** The issuer and the provider's id of the person: stable where the email may change hands. */
export function ssoSubjectOf(claims: Record<string, unknown> | undefined): string | null {
  return typeof claims?.iss === "string" && typeof claims.sub === "string" && claims.sub !== "" ? `${claims.iss} ${claims.sub}` : null;
}

/** Exact match on the part after the last @: `example.com` admits neither `sub.example.com` nor `example.com.evil`. */
export function isAllowedDomain(email: string, allowedDomains: readonly string[] | null): boolean {
  if (allowedDomains === null) return true;
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return allowedDomains.includes(domain);
}

/** admin > operator > member; the claim may be one string or a list of them (groups). */
export function roleFromClaims(claims: Record<string, unknown>, roleClaim: SsoSettings["roleClaim"]): UserRole | null {
  if (roleClaim === null) return null;
  const raw = claims[roleClaim.name];
  const values = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((item): item is string => typeof item === "string") : [];
  if (values.some((value) => roleClaim.values.admin.includes(value))) return "admin";
  if (values.some((value) => roleClaim.values.operator.includes(value))) return "operator";
  return "member";
}

function displayName(name: unknown, email: string): string {
  const trimmed = typeof name === "string" ? name.trim().slice(0, 80) : "";
  return trimmed && isPlainText(trimmed) ? trimmed : email.slice(0, email.indexOf("@")).slice(0, 80);
}
