import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { SsoSettings } from "./sso-settings";

/** The next-auth provider id: the callback is `${APP_URL}/api/auth/callback/oidc`. */
export const SSO_PROVIDER_ID = "oidc";

type IdTokenClaims = Record<string, unknown> & { sub: string };

/**
 * OpenID Connect through next-auth: discovery, the authorisation code flow with PKCE, state and
 * nonce, and the ID token's claims as the profile (the rules in sso-claims.ts read them in the
 * signIn callback; no userinfo call).
 */
export function ssoProvider(settings: SsoSettings): OAuthConfig<IdTokenClaims> {
  return {
    id: SSO_PROVIDER_ID,
    name: settings.label,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    profile: (claims) => ({ id: claims.sub, email: typeof claims.email === "string" ? claims.email : null, name: typeof claims.name === "string" ? claims.name : null }),
  };
}
