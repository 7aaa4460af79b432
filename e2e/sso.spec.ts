import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { waitForUrl } from "../scripts/lib/wait-for-url";
import { OIDC_ACCOUNTS, OIDC_CLIENT, startOidcServer, type OidcLogin, type OidcServer } from "./support/oidc-server";
import { freePort, stopGroup } from "./support/processes";
import { E2E } from "./support/settings";

// A second app instance configured for single sign-on against a real OpenID Connect provider on
// loopback, with password sign-in off. Its own database (SQLite, or a database of its own on the
// suite's PostgreSQL), so the people it creates never show in the other specs.
test.describe.configure({ mode: "serial" });

const SSO_LABEL = "Company SSO";
let app: { url: string; process: ChildProcess; output: string[] };
let idp: OidcServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  idp = await startOidcServer(`${url}/api/auth/callback/oidc`);
  const databaseUrl = await ownPostgresDatabase();
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    detached: true, // a process group of its own, stopped whole
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: url,
      AUTH_SECRET: "e2e-sso-secret-e2e-sso-secret-e2e-sso-secret",
      ADMIN_EMAIL: E2E.admin.email,
      ADMIN_PASSWORD: E2E.admin.password,
      ENCRYPTION_KEY: "e2e1".repeat(16),
      DATA_DIR: path.join(os.tmpdir(), `sendboard-e2e-sso-${process.env.E2E_RUN_ID ?? Date.now()}`),
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_NAME: SSO_LABEL,
      OIDC_ALLOWED_DOMAINS: "sso.test, e2e.test",
      OIDC_ROLE_CLAIM: "groups",
      OIDC_ADMIN_VALUES: "sendboard-admins",
      OIDC_OPERATOR_VALUES: "sendboard-operators",
      PASSWORD_SIGN_IN: "off",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  });
  app = { url, process: child, output: [] };
  const keep = (chunk: Buffer) => app.output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  await waitForUrl(`${url}/api/health`, 90_000);
});

test.afterAll(async () => {
  if (app) await stopGroup(app.process);
  await idp?.close();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("sso app output", { body: app.output.slice(-80).join("\n") });
});

test("the sign-in page offers SSO first and, with passwords off, no password form", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto(`${app.url}/signin`);
  await expect(page.getByRole("button", { name: `Sign in with ${SSO_LABEL}` })).toBeVisible();
  await expect(page.getByTestId("signin-form")).toHaveCount(0);
  await expect(page.getByLabel("Password")).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  await page.context().close();
});

test("a new person signs in through the provider's login and consent and gets the role their groups map to", async ({ browser }) => {
  const ada = await signInWithSso(browser, "admin");
  await expect(ada).toHaveURL(`${app.url}/`);
  const otto = await signInWithSso(browser, "operator");
  await expect(otto).toHaveURL(`${app.url}/`);
  // Ada is an admin by her group, so she may list the team: both joined just in time.
  const people = await teamPeople(ada);
  expect(people.get(OIDC_ACCOUNTS.admin.email)).toMatchObject({ role: "admin", status: "active", name: "Ada Admin" });
  expect(people.get(OIDC_ACCOUNTS.operator.email)).toMatchObject({ role: "operator", status: "active" });
  // Otto is an operator, not an admin.
  expect((await otto.request.get(`${app.url}/api/users`)).status()).toBe(403);
  await otto.context().close();

  // Moved out of the operators group at the provider: his next sign-in makes him a member, recorded.
  idp.setGroups("operator", ["staff"]);
  const ottoAgain = await signInWithSso(browser, "operator");
  await expect(ottoAgain).toHaveURL(`${app.url}/`);
  expect((await teamPeople(ada)).get(OIDC_ACCOUNTS.operator.email)).toMatchObject({ role: "member" });
  const audit = (await (await ada.request.get(`${app.url}/api/audit`)).json()) as { items: Array<{ action: string; target: { label: string }; details: Record<string, unknown> }> };
  expect(audit.items).toContainEqual(
    expect.objectContaining({ action: "user.sso_role_change", target: expect.objectContaining({ label: OIDC_ACCOUNTS.operator.email }), details: { from: "operator", to: "member" } }),
  );

  // Removing him ends the SSO session like any other.
  const ottoId = [...(await teamPeople(ada)).values()].find((person) => person.email === OIDC_ACCOUNTS.operator.email)?.id;
  expect((await ottoAgain.request.get(`${app.url}/api/watched`)).status()).toBe(200);
  expect((await ada.request.delete(`${app.url}/api/users/${ottoId}`, { headers: { origin: app.url } })).status()).toBe(204);
  expect((await ottoAgain.request.get(`${app.url}/api/watched`)).status()).toBe(401);
  await ottoAgain.context().close();
  await ada.context().close();
});

test("an email outside the allowed domains is refused with a page that says why, and no session", async ({ browser }) => {
  const page = await signInWithSso(browser, "outsider");
  await expect(page).toHaveURL(`${app.url}/signin/refused?reason=domain`);
  await expect(page.getByTestId("signin-refused")).toHaveText("This email's domain cannot sign in here");
  expect((await page.request.get(`${app.url}/api/watched`)).status()).toBe(401);
  await page.context().close();
});

test("a callback whose state was tampered with is refused, and no session", async ({ browser }) => {
  const page = await freshPage(browser);
  // The state Sendboard sends to the provider is changed on its way (one character), so the
  // provider hands the changed one back to the callback: it no longer matches this browser's.
  let sent = "";
  await page.route(
    (url) => url.origin === idp.issuer && url.pathname === "/auth" && url.searchParams.has("state"),
    async (route) => {
      const url = new URL(route.request().url());
      sent = url.searchParams.get("state") ?? "";
      url.searchParams.set("state", `${sent.slice(0, -1)}${sent.endsWith("A") ? "B" : "A"}`);
      await route.continue({ url: url.toString() });
    },
  );
  const callback = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/auth/callback/oidc");
  await startSsoAndLogIn(page, "tamper");
  const returned = new URL((await callback).url()).searchParams.get("state");
  expect(sent).not.toBe("");
  expect(returned).not.toBe(sent);
  await expect(page).toHaveURL(/\/signin\?.*error=OAuthCallback/);
  await expect(page.getByTestId("signin-error")).toContainText("Single sign-on could not be completed");
  expect((await page.request.get(`${app.url}/api/watched`)).status()).toBe(401);
  await page.context().close();
});

test("with passwords off the ADMIN_EMAIL recovery account still signs in with its password", async ({ browser }) => {
  const page = await signInAsRecoveryAdmin(browser);
  expect((await page.request.get(`${app.url}/api/watched`)).status()).toBe(200);
  await page.context().close();
});

test("an invited person who signs in with SSO under the invite's email is that same person", async ({ browser }) => {
  const admin = await signInAsRecoveryAdmin(browser);
  const invited = await admin.request.post(`${app.url}/api/users`, {
    headers: { origin: app.url },
    data: { email: "Ivy@SSO.test", name: "Ivy Invited", role: "member" },
  });
  expect(invited.status()).toBe(201);
  const { user, inviteUrl } = (await invited.json()) as { user: { id: string }; inviteUrl: string };

  // Passwords are off: the invite page offers SSO, not a password to set.
  const ivy = await freshPage(browser);
  await ivy.goto(inviteUrl);
  await expect(ivy.getByLabel("New password")).toHaveCount(0);
  await ivy.getByRole("button", { name: `Sign in with ${SSO_LABEL}` }).click();
  await logInAtProvider(ivy, "invited");
  await ivy.waitForURL(`${app.url}/`);

  expect((await teamPeople(admin)).get("ivy@sso.test")).toMatchObject({ id: user.id, name: "Ivy Invited", status: "active", role: "operator" });
  // Signing in spent the invite.
  await ivy.goto(inviteUrl);
  await expect(ivy.getByRole("button", { name: `Sign in with ${SSO_LABEL}` })).toHaveCount(0);
  await ivy.context().close();
  await admin.context().close();
});

async function signInAsRecoveryAdmin(browser: Browser): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto(`${app.url}/signin`);
  await page.getByRole("link", { name: "Recovery sign-in for the server admin" }).click();
  await expect(page.getByTestId("recovery-note")).toBeVisible();
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).toHaveURL(`${app.url}/`);
  return page;
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: app.url });
  return context.newPage();
}

/** From Sendboard's button through the provider's own login and consent pages, back to Sendboard. */
async function signInWithSso(browser: Browser, login: OidcLogin): Promise<Page> {
  const page = await freshPage(browser);
  await startSsoAndLogIn(page, login);
  await page.waitForURL((url) => url.origin === app.url);
  return page;
}

async function startSsoAndLogIn(page: Page, login: OidcLogin): Promise<void> {
  await page.goto(`${app.url}/signin`);
  await page.getByRole("button", { name: `Sign in with ${SSO_LABEL}` }).click();
  await logInAtProvider(page, login);
}

/** The provider's own pages: its login form (any password for a known login), then its consent. */
async function logInAtProvider(page: Page, login: OidcLogin): Promise<void> {
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function teamPeople(page: Page): Promise<Map<string, { id: string; email: string; role: string; status: string; name: string }>> {
  const response = await page.request.get(`${app.url}/api/users`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: Array<{ id: string; email: string; role: string; status: string; name: string }> };
  return new Map(items.map((person) => [person.email, person]));
}

/** On a PostgreSQL run, a database of the SSO instance's own on the same server; otherwise SQLite. */
async function ownPostgresDatabase(): Promise<string | undefined> {
  const shared = process.env.DATABASE_URL;
  if (!shared) return undefined;
  const name = `sendboard_sso_${process.env.E2E_RUN_ID ?? Date.now()}`;
  const client = new pg.Client({ connectionString: shared });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return url.toString();
}
