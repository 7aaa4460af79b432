import type { Kysely } from "kysely";
import NextAuth from "next-auth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// First: the mocks below are built from it, and the modules after it load the mocked ones.
import { mockedDatabaseModule, mockedEnvModule, routeState, TEST_ENV_SOURCE } from "@/lib/server/testing/route-harness";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import { findSessionUser, SESSION_LIFETIME_MS } from "@/lib/server/people/sessions";
import { ensureBootstrapAdmin, findUserByEmail } from "@/lib/server/people/users";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { authorizeCredentials, getAuthOptions, SignInThrottled } from "./auth-options";

vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

const ADMIN = { email: TEST_ENV_SOURCE.ADMIN_EMAIL, password: "correct horse battery" };
let db: Kysely<Database>;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
  routeState.db = db;
  await ensureBootstrapAdmin(db, ADMIN);
});
afterEach(async () => {
  routeState.env = {};
  vi.restoreAllMocks();
  await close();
});

describe("authorizeCredentials", () => {
  it("accepts the admin, email case-insensitively", async () => {
    expect(await authorizeCredentials({ email: " ADMIN@example.com ", password: ADMIN.password }, "10.0.0.1")).toMatchObject({
      email: "admin@example.com",
      name: "Admin",
    });
  });

  it.each([
    { email: ADMIN.email, password: "wrong" },
    { email: "other@example.com", password: ADMIN.password },
    { email: ADMIN.email, password: "Correct horse battery" },
    { email: ADMIN.email },
    null,
  ])("refuses %j", async (input) => {
    expect(await authorizeCredentials(input, "10.0.0.2")).toBeNull();
  });

  it("throttles an account at the address that keeps failing, and never the right password from another address", async () => {
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: ADMIN.email, password: "guess" }, "10.0.0.3");
    const refused = await authorizeCredentials({ email: ADMIN.email, password: ADMIN.password }, "10.0.0.3").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SignInThrottled);
    expect((refused as SignInThrottled).retryAfterSeconds).toBeGreaterThan(14 * 60);
    const started = performance.now();
    expect(await authorizeCredentials({ email: ADMIN.email, password: ADMIN.password }, "10.0.0.4")).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(3_000 + 2_000);
  });

  it("logs every attempt with the email, the address and the outcome, never the password", async () => {
    const info = vi.spyOn(getLogger(), "info").mockImplementation(() => undefined);
    await authorizeCredentials({ email: ADMIN.email, password: "a-wrong-guess" }, "10.0.0.5");
    await authorizeCredentials({ email: ADMIN.email, password: ADMIN.password }, "10.0.0.5");
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: "ghost@example.com", password: "a-wrong-guess" }, "10.0.0.6");
    await authorizeCredentials({ email: "ghost@example.com", password: "a-wrong-guess" }, "10.0.0.6").catch(() => undefined);
    const lines = info.mock.calls.filter(([, message]) => message === "sign-in").map(([fields]) => fields);
    expect(lines.slice(0, 2)).toEqual([
      { event: "sign_in", outcome: "failure", email: "admin@example.com", address: "10.0.0.5" },
      { event: "sign_in", outcome: "success", email: "admin@example.com", address: "10.0.0.5" },
    ]);
    expect(lines.at(-1)).toEqual({ event: "sign_in", outcome: "throttled", email: "ghost@example.com", address: "10.0.0.6" });
    expect(JSON.stringify(info.mock.calls)).not.toMatch(/a-wrong-guess|correct horse/);
  });
});

// next-auth's own pages-router handler runs the real flow (CSRF, callback, session) without a Next request scope.
type Reply = { status: number; headers: Map<string, string | string[]>; body: unknown };

async function nextAuth(action: string[], init: { method?: string; body?: Record<string, string>; cookies?: Record<string, string> } = {}) {
  const reply: Reply = { status: 200, headers: new Map(), body: undefined };
  const res = {
    status: (code: number) => ((reply.status = code), res),
    setHeader: (name: string, value: string | string[]) => (reply.headers.set(name.toLowerCase(), value), res),
    getHeader: (name: string) => reply.headers.get(name.toLowerCase()),
    json: (body: unknown) => void (reply.body = body),
    send: (body: unknown) => void (reply.body = body),
    end: () => undefined,
  };
  const req = { query: { nextauth: action }, method: init.method ?? "GET", body: init.body ?? {}, cookies: init.cookies ?? {}, headers: {} };
  await NextAuth(req as never, res as never, getAuthOptions());
  return reply;
}

function setCookies(reply: Reply): Map<string, string> {
  const raw = reply.headers.get("set-cookie") ?? [];
  return new Map((Array.isArray(raw) ? raw : [raw]).map((cookie) => [cookie.slice(0, cookie.indexOf("=")), cookie]));
}

async function signIn() {
  const csrf = await nextAuth(["csrf"]);
  const csrfCookies = Object.fromEntries([...setCookies(csrf)].map(([name, cookie]) => [name, decodeURIComponent(cookie.split(";")[0]!.slice(name.length + 1))]));
  const { csrfToken } = csrf.body as { csrfToken: string };
  const callback = await nextAuth(["callback", "credentials"], {
    method: "POST",
    body: { csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" },
    cookies: csrfCookies,
  });
  return { csrf, callback };
}

describe("the session cookie and the session endpoint", () => {
  it("with an https APP_URL: Secure, HttpOnly, SameSite=Lax and __Host- prefixed, and next-auth's base URL is APP_URL", async () => {
    routeState.env = { APP_URL: "https://sendboard.example.com" };
    const { csrf, callback } = await signIn();
    expect(setCookies(csrf).get("__Host-next-auth.csrf-token")).toContain("Secure");
    const session = setCookies(callback).get("__Host-next-auth.session-token");
    expect(session).toBeDefined();
    expect(session).toMatch(/; Path=\/(;|$)/);
    expect(session).not.toMatch(/Domain=/i);
    for (const attribute of ["Secure", "HttpOnly", "SameSite=Lax"]) expect(session).toContain(attribute);
    expect(setCookies(callback).has("next-auth.session-token")).toBe(false);
    expect(callback.body).toEqual({ url: expect.stringMatching(/^https:\/\/sendboard\.example\.com/) });
    expect(process.env.NEXTAUTH_URL).toBe("https://sendboard.example.com");
  });

  it("with an http APP_URL: next-auth's plain name, not Secure", async () => {
    const { callback } = await signIn();
    const session = setCookies(callback).get("next-auth.session-token");
    expect(session).toBeDefined();
    expect(session).not.toContain("Secure");
  });

  it("GET /api/auth/session tells JavaScript who is signed in, never the server-side session id", async () => {
    const { callback } = await signIn();
    const cookie = setCookies(callback).get("next-auth.session-token")!;
    const token = cookie.split(";")[0]!.slice("next-auth.session-token=".length);
    const session = await nextAuth(["session"], { cookies: { "next-auth.session-token": token } });
    expect(session.body).toMatchObject({ user: { email: "admin@example.com" } });
    expect(JSON.stringify(session.body)).not.toMatch(/sid/);
    const [sessionRow] = await db.selectFrom("sessions").select("id").execute();
    expect(JSON.stringify(session.body)).not.toContain(sessionRow!.id);
  });
});

const SSO_ENV = { OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "sendboard", OIDC_CLIENT_SECRET: "client-secret", OIDC_ROLE_CLAIM: "groups", OIDC_ADMIN_VALUES: "sb-admins" };

describe("with PASSWORD_SIGN_IN=off", () => {
  beforeEach(() => {
    routeState.env = { ...SSO_ENV, PASSWORD_SIGN_IN: "off" };
  });

  it("refuses a right password of anyone but the ADMIN_EMAIL recovery account, counted by the throttle", async () => {
    await db.insertInto("users").values({ ...(await findUserByEmail(db, ADMIN.email))!, id: "u-ana", email: "ana@example.com" }).execute();
    const info = vi.spyOn(getLogger(), "info").mockImplementation(() => undefined);
    expect(await authorizeCredentials({ email: "ana@example.com", password: ADMIN.password }, "10.0.1.1")).toBeNull();
    expect(info.mock.calls.at(-1)?.[0]).toMatchObject({ event: "sign_in", outcome: "password_sign_in_off", email: "ana@example.com" });
    expect(await db.selectFrom("sign_in_failures").selectAll().execute()).not.toEqual([]);
    expect(await authorizeCredentials({ email: ADMIN.email, password: ADMIN.password }, "10.0.1.1")).toMatchObject({ email: ADMIN.email });
  });

  it("still accepts every password with it on", async () => {
    routeState.env = { ...SSO_ENV };
    await db.insertInto("users").values({ ...(await findUserByEmail(db, ADMIN.email))!, id: "u-ana", email: "ana@example.com" }).execute();
    expect(await authorizeCredentials({ email: "ana@example.com", password: ADMIN.password }, "10.0.1.2")).toMatchObject({ id: "u-ana" });
  });
});

describe("single sign-on through next-auth's callbacks", () => {
  const claims = { iss: "https://idp.example.com", sub: "ana-1", email: "ana@acme.com", email_verified: true, name: "Ana", groups: ["sb-admins"] };
  const account = { provider: "oidc", type: "oauth" as const, providerAccountId: "ana-1" };

  it("adds the OIDC provider only when configured, with discovery, PKCE, state and nonce", () => {
    expect(getAuthOptions().providers.map((provider) => provider.id)).toEqual(["credentials"]);
    routeState.env = SSO_ENV;
    const sso = getAuthOptions().providers.find((provider) => provider.id === "oidc");
    expect(sso).toMatchObject({ type: "oauth", wellKnown: "https://idp.example.com/.well-known/openid-configuration", checks: ["pkce", "state", "nonce"], idToken: true });
  });

  it("creates the person, then a server-side session of theirs like a password sign-in's", async () => {
    routeState.env = SSO_ENV;
    const { callbacks } = getAuthOptions();
    const user = { id: "ana-1", email: claims.email, name: claims.name };
    expect(await callbacks!.signIn!({ user, account, profile: claims })).toBe(true);
    const token = await callbacks!.jwt!({ token: {}, user, account, profile: claims, trigger: "signIn" });
    const person = (await findUserByEmail(db, claims.email))!;
    expect(person.role).toBe("admin");
    const session = await findSessionUser(db, token.sid!);
    expect(session).toMatchObject({ id: person.id, role: "admin", email: "ana@acme.com" });
    const row = (await db.selectFrom("sessions").selectAll().where("user_id", "=", person.id).executeTakeFirst())!;
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(SESSION_LIFETIME_MS);
  });

  it("sends a refused sign-in to the page that says why, and creates nobody", async () => {
    routeState.env = { ...SSO_ENV, OIDC_ALLOWED_DOMAINS: "example.org" };
    const { callbacks } = getAuthOptions();
    const verdict = await callbacks!.signIn!({ user: { id: "ana-1" }, account, profile: claims });
    expect(verdict).toBe("http://127.0.0.1:3000/signin/refused?reason=domain");
    expect(await findUserByEmail(db, claims.email)).toBeUndefined();
    expect(await callbacks!.signIn!({ user: { id: "ana-1" }, account, profile: { ...claims, email: "ana@example.org", email_verified: false } as typeof claims })).toBe(
      "http://127.0.0.1:3000/signin/refused?reason=unverified_email",
    );
  });
});
