import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";

// A real, certified OpenID Connect provider (panva's oidc-provider) on loopback, with its own
// login and consent pages (devInteractions: any password is accepted for a known login). The
// people it knows are below; their claims go into the ID token, as most company IdPs do.

export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 5310);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT = { id: "sendboard-e2e", secret: "e2e-oidc-client-secret-0123456789" };

type Account = { email: string; email_verified: boolean; name: string; groups: string[] };

/** Logins on the provider's page; each email is unique so the tests stay independent. */
export const OIDC_ACCOUNTS = {
  admin: { email: "ada@sso.test", email_verified: true, name: "Ada Admin", groups: ["staff", "sendboard-admins"] },
  operator: { email: "otto@sso.test", email_verified: true, name: "Otto Operator", groups: ["sendboard-operators"] },
  outsider: { email: "eve@elsewhere.test", email_verified: true, name: "Eve Outsider", groups: ["sendboard-admins"] },
  tamper: { email: "tim@sso.test", email_verified: true, name: "Tim Tamper", groups: [] },
  invited: { email: "ivy@sso.test", email_verified: true, name: "Ivy at the IdP", groups: ["sendboard-operators"] },
} as const satisfies Record<string, Account>;

export type OidcLogin = keyof typeof OIDC_ACCOUNTS;

/** `setGroups`: what the provider says from the next sign-in on, as an admin moving someone between groups would. */
export type OidcServer = { issuer: string; setGroups: (login: OidcLogin, groups: string[]) => void; close: () => Promise<void> };

export async function startOidcServer(redirectUri: string): Promise<OidcServer> {
  const accounts: Record<string, Account> = structuredClone(OIDC_ACCOUNTS) as Record<string, Account>;
  const provider = new Provider(OIDC_ISSUER, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // The provider refuses a code exchange without the verifier: Sendboard must send PKCE.
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789abcdef"] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx, id) => {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(OIDC_PORT, "127.0.0.1", () => resolve());
  });
  return {
    issuer: OIDC_ISSUER,
    setGroups: (login, groups) => {
      const account = accounts[login];
      if (account) account.groups = groups;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
