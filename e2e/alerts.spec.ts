import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { signInForCookie } from "../scripts/lib/sign-in";
import { startSlackReceiver, startSmtpReceiver, startWebhookReceiver, type ReceivedMail, type ReceivedSlack, type ReceivedWebhook, type Receiver } from "../scripts/lib/alert-receivers";
import { waitForUrl } from "../scripts/lib/wait-for-url";
import { simMigmaBatchEndingAt } from "../sim/scenarios";
import { freePort, stopGroup } from "./support/processes";
import { E2E } from "./support/settings";

// Alerts end to end, with real receivers on loopback: a webhook receiver that verifies
// Sendboard-Signature, a Slack-shaped receiver that checks the Block Kit, and an SMTP server
// that reads the mail. The app instances are this spec's own (SMTP_URL names the SMTP server's
// port, known only once it listens): one on SQLite, or two sharing a database of their own on the
// PostgreSQL run's server. Not the suite's database: the suite's app would evaluate these rules
// too, and, without ALERTS_ALLOW_PRIVATE_URLS, refuse the loopback receivers when it won.
const suiteDatabaseUrl = process.env.DATABASE_URL;
const databaseUrl = suiteDatabaseUrl ? databaseUrlFor(suiteDatabaseUrl, `sendboard_alerts_${process.env.E2E_RUN_ID ?? Date.now()}`) : undefined;
const INSTANCES = databaseUrl ? ["alerts-a", "alerts-b"] : ["alerts-solo"];
const SHARED_SECRETS = { AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret", ENCRYPTION_KEY: "e2e0".repeat(16) };

type Instance = { name: string; url: string; process: ChildProcess; output: string[] };
const instances: Instance[] = [];
let webhook: Receiver<ReceivedWebhook>;
let slack: Receiver<ReceivedSlack>;
let smtp: Receiver<ReceivedMail>;
let secret: string | null = null;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  [webhook, slack, smtp] = await Promise.all([startWebhookReceiver(() => secret), startSlackReceiver(), startSmtpReceiver()]);
  if (suiteDatabaseUrl && databaseUrl) await adminQuery(suiteDatabaseUrl, `create database ${new URL(databaseUrl).pathname.slice(1)}`);
  instances.push(...(await Promise.all(INSTANCES.map(startInstance))));
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => stopGroup(instance.process)));
  await Promise.all([webhook?.close(), slack?.close(), smtp?.close()]);
  if (suiteDatabaseUrl && databaseUrl) await adminQuery(suiteDatabaseUrl, `drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
});

function databaseUrlFor(url: string, name: string): string {
  const own = new URL(url);
  own.pathname = `/${name}`;
  return own.toString();
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

test("a batch that completes, watched on every instance, sends one firing message per contact point; Send test works", async ({ browser }) => {
  test.setTimeout(180_000);
  const [first] = instances;
  const cookie = await signInForCookie(first!.url, E2E.admin.email, E2E.admin.password);
  const context = await browser.newContext({ storageState: undefined });
  await context.addCookies(instances.map((instance) => cookieFor(instance.url, cookie)));
  const page = await context.newPage();

  // Contact points through settings → alerts: the webhook's secret is shown once.
  await page.goto(`${first!.url}/settings/alerts`);
  await addContactPoint(page, "Webhook", "Ops webhook", webhook.url);
  secret = (await page.getByTestId("contact-point-secret").textContent())?.trim() ?? null;
  expect(secret).toMatch(/^whsec_/);
  await addContactPoint(page, "Slack", "#sends", slack.url);
  await addContactPoint(page, "Email", "On-call", "oncall@example.com");
  await page.reload();
  await expect(page.getByTestId("contact-point")).toHaveCount(3);
  await expect(page.getByTestId("contact-point-secret")).toHaveCount(0);
  // Masked: the Slack hook's path (its credential) never comes back.
  await expect(page.getByTestId("contact-points")).not.toContainText("loopbacksecret");

  // Send test on the webhook: signed, received, logged.
  await page.getByTestId("contact-point").filter({ hasText: "Ops webhook" }).getByRole("button", { name: "Send test" }).click();
  await expect(page.getByTestId("contact-point-test-result")).toHaveText("Test delivered");
  expect(webhook.received.map((item) => [(item.json as { type: string }).type, item.verified])).toEqual([["test", true]]);
  webhook.received.length = 0;

  // A rule on one batch that runs for a few seconds more, then completes in the simulator.
  const batchId = simMigmaBatchEndingAt(Date.now() + 20_000);
  const rules = page.getByTestId("add-alert-rule-form");
  await rules.getByLabel("Watch").selectOption("batch");
  await rules.getByLabel("Provider").selectOption("migma");
  await rules.getByLabel("Batch id").fill(batchId);
  await rules.getByLabel("When").selectOption("finished");
  for (const name of ["Ops webhook", "#sends", "On-call"]) await rules.getByLabel(name).check();
  await rules.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("alert-rule")).toHaveCount(1);

  // Several viewers on every instance, until well after it completed.
  const viewers: Page[] = [];
  for (const instance of instances) {
    for (let index = 0; index < 2; index += 1) {
      const viewer = await context.newPage();
      await viewer.goto(`${instance.url}/batches/migma/${batchId}?connection=env-migma`);
      viewers.push(viewer);
    }
  }
  await expect.poll(() => [webhook.received.length, slack.received.length, smtp.received.length], { timeout: 60_000, intervals: [1_000] }).toEqual([1, 1, 1]);
  // The settling polls after completion (and every other instance) add nothing.
  await sleep(15_000);
  expect([webhook.received.length, slack.received.length, smtp.received.length]).toEqual([1, 1, 1]);

  const [hook] = webhook.received;
  expect(hook!.verified).toBe(true);
  const body = hook!.json as { type: string; alertId: string; rule: { kind: string }; batch: Record<string, unknown>; at: string };
  expect(body).toMatchObject({ type: "alert.firing", rule: { kind: "finished" }, batch: { provider: "migma", batchId, state: "completed" } });
  expect(String(body.batch.url)).toContain(`/batches/migma/${batchId}`);
  expect(slack.received[0]!.problems).toEqual([]);
  expect(JSON.stringify(slack.received[0]!.json)).toContain(batchId);
  expect(smtp.received[0]).toMatchObject({ to: ["oncall@example.com"], alertId: body.alertId, alertType: "alert.firing" });

  // The delivery log shows the test and the three firing deliveries.
  await page.reload();
  await expect(page.getByTestId("alert-delivery").filter({ hasText: "alert.firing" })).toHaveCount(3);
  await expect(page.getByTestId("alert-delivery").filter({ hasText: "alert.firing" }).and(page.locator('[data-status="delivered"]'))).toHaveCount(3);
  await expect(page.getByTestId("alert-delivery").filter({ hasText: "test" })).toHaveCount(1);

  // The activity log has every contact-point and rule change and the test.
  const audit = (await (await fetch(`${first!.url}/api/audit`, { headers: { cookie } })).json()) as { items: Array<{ action: string }> };
  const actions = audit.items.map((item) => item.action);
  for (const action of ["contact_point.create", "contact_point.test", "alert_rule.create"]) expect(actions).toContain(action);
  expect(actions.filter((action) => action === "contact_point.create")).toHaveLength(3);
  await closeAll(context, viewers);
});

test("a rule's batch is watched with no screen open: it completes and the message arrives", async () => {
  test.setTimeout(120_000);
  const [first] = instances;
  const cookie = await signInForCookie(first!.url, E2E.admin.email, E2E.admin.password);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${first!.url}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json", origin: first!.url }, body: JSON.stringify(body) });
    expect(response.ok, `${path}: HTTP ${response.status}`).toBe(true);
    return (await response.json()) as { id: string; secret?: string };
  };
  const point = await post("/api/alerts/contact-points", { type: "webhook", name: "Unwatched hook", url: webhook.url });
  secret = point.secret ?? null;
  const batchId = simMigmaBatchEndingAt(Date.now() + 15_000);
  await post("/api/alerts/rules", { batch: { provider: "migma", batchId }, kind: "finished", contactPointIds: [point.id] });
  const forThisBatch = () => webhook.received.filter((item) => (item.json as { batch?: { batchId?: string } }).batch?.batchId === batchId);
  await expect.poll(() => forThisBatch().length, { timeout: 80_000, intervals: [1_000] }).toBe(1);
  expect(forThisBatch()[0]).toMatchObject({ verified: true, json: { type: "alert.firing", batch: { state: "completed" } } });
});

test("a firing alert shows as a chip on its board card and wall, red for a failure share", async ({ browser }) => {
  test.setTimeout(90_000);
  const [first] = instances;
  const cookie = await signInForCookie(first!.url, E2E.admin.email, E2E.admin.password);
  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${first!.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { cookie, "content-type": "application/json", origin: first!.url },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok, `${path}: HTTP ${response.status}`).toBe(true);
    return (await response.json()) as { id: string; secret?: string };
  };
  // 2,500 WhatsApp messages, 18 % failed (the simulator's failure-breakdown send).
  const failing = { provider: "mindo", batchId: "00000000-0000-4000-8000-0000000000a4" };
  const quiet = { provider: "migma", batchId: E2E.ids.migma.completed };
  const board = await api("/api/boards", { name: "Alert chips", batches: [failing, quiet] });
  const point = await api("/api/alerts/contact-points", { type: "webhook", name: "Chip hook", url: webhook.url });
  secret = point.secret ?? null;
  await api("/api/alerts/rules", { boardId: board.id, kind: "failure_share", threshold: 10, contactPointIds: [point.id] });

  const context = await browser.newContext({ storageState: undefined });
  await context.addCookies([cookieFor(first!.url, cookie)]);
  const page = await context.newPage();
  for (const path of [`/boards/${board.id}`, `/boards/${board.id}/wall`]) {
    await page.goto(`${first!.url}${path}`);
    const card = (batch: { batchId: string }) => page.locator(`[data-testid="board-card"][data-batch-id="${batch.batchId}"]`);
    await expect(card(failing).getByTestId("alert-chip")).toHaveAttribute("data-kinds", "failure_share", { timeout: 30_000 });
    await expect(card(failing).getByTestId("alert-chip")).toHaveClass(/text-outcome-failure/);
    await expect(card(quiet).getByTestId("alert-chip")).toHaveCount(0);
  }
  await expect.poll(() => webhook.received.filter((item) => (item.json as { batch?: { batchId?: string } }).batch?.batchId === failing.batchId).length).toBe(1);
  await context.close();
});

async function addContactPoint(page: Page, type: string, name: string, destination: string) {
  const form = page.getByTestId("add-contact-point-form");
  await form.getByLabel("Type").selectOption({ label: type });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel(type === "Email" ? "Address" : "URL").fill(destination);
  await form.getByRole("button", { name: "Add contact point" }).click();
  await expect(page.getByTestId("contact-point").filter({ hasText: name })).toHaveCount(1);
}

async function closeAll(context: BrowserContext, pages: Page[]) {
  await Promise.all(pages.map((page) => page.close()));
  await context.close();
}

function cookieFor(url: string, header: string) {
  const [name, ...value] = header.split("=");
  return { name: name!, value: value.join("="), url };
}

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    detached: true, // a process group of its own, killed whole
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...E2E.providerEnv,
      ...SHARED_SECRETS,
      NEXT_TELEMETRY_DISABLED: "1",
      ADMIN_EMAIL: E2E.admin.email,
      ADMIN_PASSWORD: E2E.admin.password,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      DATA_DIR: path.join(os.tmpdir(), `sendboard-e2e-${name}-${process.env.E2E_RUN_ID ?? Date.now()}`),
      UPSTREAM_TIMEOUT_MS: "2500",
      APP_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtp.url,
      ALERTS_ALLOW_PRIVATE_URLS: "1",
    },
  });
  const instance: Instance = { name, url: `http://127.0.0.1:${port}`, process: child, output: [] };
  const keep = (chunk: Buffer) => instance.output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  await waitForUrl(`${instance.url}/api/health`, 90_000);
  return instance;
}
