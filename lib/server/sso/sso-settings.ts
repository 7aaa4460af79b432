import "server-only";
import type { Env } from "@/lib/server/env";
import type { UserRole } from "@/lib/team-user";

/** Single sign-on as the environment configures it; null when OIDC_* are not set. */
export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  allowedDomains: readonly string[] | null;
  /** null: roles are managed in Sendboard, and new people join as members. */
  roleClaim: { name: string; values: Readonly<Record<Exclude<UserRole, "member">, readonly string[]>> } | null;
  team: string | null;
};

export const DEFAULT_SSO_LABEL = "single sign-on";

export function ssoSettingsFrom(env: Env): SsoSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    label: env.OIDC_NAME ?? DEFAULT_SSO_LABEL,
    allowedDomains: env.OIDC_ALLOWED_DOMAINS ?? null,
    roleClaim: env.OIDC_ROLE_CLAIM
      ? { name: env.OIDC_ROLE_CLAIM, values: { admin: env.OIDC_ADMIN_VALUES ?? [], operator: env.OIDC_OPERATOR_VALUES ?? [] } }
      : null,
    team: env.OIDC_TEAM ?? null,
  };
}
