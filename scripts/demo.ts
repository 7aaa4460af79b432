// npm run demo — the whole product on one machine with nothing configured: builds when needed,
// starts the provider simulator and the app wired to it, watches a live batch of each provider.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { providerEnvNames } from "../lib/providers/env-names";
import { PROVIDER_IDS } from "../lib/providers/provider-id";
import { catalogueSendAtMs } from "../sim/providers/sendgrid-batches";
import { startSimulator } from "../sim/server";
import { SIM_KEYS, SIM_SCENARIOS } from "../sim/scenarios";
import { startWebhookReceiver } from "./lib/alert-receivers";
import { buildIfNeeded } from "./lib/build-if-needed";
import { readOrCreateDemoKey } from "./lib/demo-key";
import { signInForCookie } from "./lib/sign-in";
import { waitForUrl } from "./lib/wait-for-url";

const host = "127.0.0.1";
const appPort = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? 4010);
const admin = { email: process.env.ADMIN_EMAIL ?? "demo@sendboard.local", password: process.env.ADMIN_PASSWORD ?? "sendboard-demo" };
const FAILURE_BREAKDOWN_BATCH = "00000000-0000-4000-8000-0000000000a4";
const demoBatches = [
  { provider: "migma", batchId: SIM_SCENARIOS.migma.running, label: "Black Friday newsletter" },
  { provider: "mindo", batchId: SIM_SCENARIOS.mindo.running, label: "WhatsApp order reminders" },
  { provider: "bolna", batchId: SIM_SCENARIOS.bolna.running, label: "Renewal calls" },
  { provider: "sendgrid", batchId: SIM_SCENARIOS.sendgrid.scheduled, label: "Weekend digest (scheduled)" },
  // 2,500 WhatsApp messages, 18 % failed with Meta's reasons: its Recipients panel shows why.
  { provider: "mindo", batchId: FAILURE_BREAKDOWN_BATCH, label: "Black Friday promo (18 % failed)" },
  { provider: "sendgrid", batchId: "sim-flash-sale", label: "Flash sale (paused)" },
  // Counts from the simulator's signed Event Webhook, as a real account's would arrive.
  { provider: "sendgrid", batchId: "sim-welcome-series", label: "Welcome series (webhook counts)" },
];

const dataDir = process.env.DATA_DIR ?? "./data/demo";
const DEMO_FOLLOW_BOARD = "Live sends (auto-watch)";

/** Every provider's environment account, pointed at the simulator. */
function simulatorAccounts(url: string): Record<string, string> {
  return Object.fromEntries(
    PROVIDER_IDS.flatMap((provider) => {
      const names = providerEnvNames(provider);
      return [
        [names.baseUrl, url],
        [names.apiKey, SIM_KEYS[provider]],
      ];
    }),
  );
}

const baseUrl = `http://${host}:${appPort}`;

function sendAtOf(batch: { provider: string; batchId: string }, simStartedAt: number): { sendAt?: string } {
  const at = batch.provider === "sendgrid" ? catalogueSendAtMs(batch.batchId, simStartedAt) : undefined;
  return at === undefined ? {} : { sendAt: new Date(at).toISOString() };
}

async function main() {
  await buildIfNeeded();
  // SendGrid cannot report a batch's send time: the demo tells Sendboard the simulator's.
  const simStartedAt = Date.now();
  // The simulator posts SendGrid's signed Event Webhook to the environment's SendGrid connection.
  const simulator = await startSimulator({ host, port: simPort, startedAt: simStartedAt, sendgridWebhookUrl: `${baseUrl}/api/hooks/sendgrid/env-sendgrid` });
  const app = spawn("npx", ["next", "start", "-H", host, "-p", String(appPort)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      // The loopback URL the demo serves: its share and invite links open on this machine.
      APP_URL: process.env.APP_URL ?? baseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      DATA_DIR: dataDir,
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? readOrCreateDemoKey(dataDir),
      ...simulatorAccounts(simulator.url),
      SENDGRID_WEBHOOK_PUBLIC_KEY: simulator.sendgridWebhookKey ?? "",
      // The demo's alert receiver listens on loopback without TLS.
      ALERTS_ALLOW_PRIVATE_URLS: "1",
    },
  });
  const stop = async () => {
    app.kill("SIGTERM");
    await simulator.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", (code) => {
    console.error(`The app stopped (exit code ${code}).`);
    void simulator.close().then(() => process.exit(code ?? 1));
  });

  await waitForUrl(`${baseUrl}/api/auth/csrf`, 60_000);
  const cookie = await signInForCookie(baseUrl, admin.email, admin.password);
  for (const batch of demoBatches) {
    const response = await fetch(`${baseUrl}/api/watched`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ ...batch, ...sendAtOf(batch, simStartedAt) }),
    });
    if (!response.ok && response.status !== 409) throw new Error(`Could not add a demo batch: HTTP ${response.status}`);
  }
  const boardId = await followNewSends(baseUrl, cookie);
  simulator.setBolnaWebhookUrl(await createBolnaHook(baseUrl, cookie));
  await alertOnFinishedSends(baseUrl, cookie, boardId);
  console.log(`\nSendboard demo is running: ${baseUrl}\nSign in with ${admin.email} / ${admin.password}\nProvider simulator: ${simulator.url}\nWho failed and why: ${baseUrl}/batches/mindo/${FAILURE_BREAKDOWN_BATCH} → Show recipients\nAlerts: a send on "${DEMO_FOLLOW_BOARD}" that finishes is printed here as [alert receiver] (settings → alerts)\nPress Ctrl+C to stop.\n`);
}

/** The environment's Bolna connection gets a hook URL, and the simulator posts its calls' changes there, as Bolna would. */
async function createBolnaHook(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/connections/env-bolna/bolna-hook`, { method: "POST", headers: { Cookie: cookie } });
  if (response.status !== 201) throw new Error(`Could not create the demo's Bolna hook URL: HTTP ${response.status}`);
  return ((await response.json()) as { url: string }).url;
}

/** A board that follows Mindo and Bolna (auto-watch), so the simulator's sends show up on a wall by themselves; the picker lists the same sends. */
async function followNewSends(baseUrl: string, cookie: string): Promise<string> {
  const headers = { "Content-Type": "application/json", Cookie: cookie };
  const boards = (await (await fetch(`${baseUrl}/api/boards`, { headers })).json()) as { items?: { id: string; name: string }[] };
  const existing = boards.items?.find((board) => board.name === DEMO_FOLLOW_BOARD);
  if (existing) return existing.id;
  const created = await fetch(`${baseUrl}/api/boards`, { method: "POST", headers, body: JSON.stringify({ name: DEMO_FOLLOW_BOARD, batches: [] }) });
  if (!created.ok) throw new Error(`Could not create the demo board: HTTP ${created.status}`);
  const { id } = (await created.json()) as { id: string };
  for (const connectionId of ["env-mindo", "env-bolna"]) {
    const rule = await fetch(`${baseUrl}/api/boards/${id}/auto-watch`, { method: "POST", headers, body: JSON.stringify({ connectionId }) });
    if (!rule.ok && rule.status !== 409) throw new Error(`Could not set up auto-watch for the demo: HTTP ${rule.status}`);
  }
  return id;
}

const DEMO_RECEIVER = "Demo receiver (prints in this terminal)";

/**
 * One alert rule (a send on the auto-watch board finished) and a local webhook contact point that
 * prints every message it receives, its signature checked. The receiver's port is new each run,
 * so the previous run's contact point and rule are replaced.
 */
async function alertOnFinishedSends(baseUrl: string, cookie: string, boardId: string) {
  const headers = { "Content-Type": "application/json", Cookie: cookie };
  let secret: string | null = null;
  const receiver = await startWebhookReceiver(
    () => secret,
    (count) => {
      const message = receiver.received[count - 1];
      const body = message?.json as { type?: string; batch?: { provider?: string; batchId?: string; state?: string; processed?: number; total?: number | null } } | undefined;
      console.log(`[alert receiver] ${body?.type} · ${body?.batch?.provider} ${body?.batch?.batchId} ${body?.batch?.state} (${body?.batch?.processed} of ${body?.batch?.total ?? "?"}) · signature ${message?.verified ? "verified" : "BAD"}`);
      return 200;
    },
  );
  const points = (await (await fetch(`${baseUrl}/api/alerts/contact-points`, { headers })).json()) as { items?: { id: string; name: string }[] };
  const rules = (await (await fetch(`${baseUrl}/api/alerts/rules`, { headers })).json()) as { items?: { id: string; boardId: string | null; kind: string }[] };
  for (const rule of rules.items?.filter((item) => item.boardId === boardId && item.kind === "finished") ?? []) await fetch(`${baseUrl}/api/alerts/rules/${rule.id}`, { method: "DELETE", headers });
  for (const point of points.items?.filter((item) => item.name === DEMO_RECEIVER) ?? []) await fetch(`${baseUrl}/api/alerts/contact-points/${point.id}`, { method: "DELETE", headers });
  const created = await fetch(`${baseUrl}/api/alerts/contact-points`, { method: "POST", headers, body: JSON.stringify({ type: "webhook", name: DEMO_RECEIVER, url: receiver.url }) });
  if (!created.ok) throw new Error(`Could not add the demo's alert receiver: HTTP ${created.status}`);
  const point = (await created.json()) as { id: string; secret: string };
  secret = point.secret;
  const rule = await fetch(`${baseUrl}/api/alerts/rules`, { method: "POST", headers, body: JSON.stringify({ boardId, kind: "finished", contactPointIds: [point.id] }) });
  if (!rule.ok) throw new Error(`Could not add the demo's alert rule: HTTP ${rule.status}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
