import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { providerEnvNames } from "../../lib/providers/env-names";
import { PROVIDER_IDS, type ProviderId } from "../../lib/providers/provider-id";
import { signInForCookie } from "../../scripts/lib/sign-in";
import { waitForUrl } from "../../scripts/lib/wait-for-url";
import { startSimulator, type Simulator } from "../../sim/server";
import { SIM_KEYS } from "../../sim/scenarios";
import { deferCleanup } from "./cleanup";
import { findFreePort } from "./free-port";
import { groupCpuSeconds } from "./group-cpu";
import { groupRssBytes } from "./group-memory";
import { startAliasProxy } from "./running-aliases";

const HOST = "127.0.0.1";
const ADMIN = { email: "bench@sendboard.local", password: "bench-password-1" };
// What an early exit shows of the app's output.
const TAIL_CHARS = 8_000;

export type AppStackOptions = {
  /** A project directory holding the production build (see build-snapshot.ts). */
  appDir: string;
  /** Calls per minute per provider; unset providers keep the app's defaults. */
  budgets?: Partial<Record<ProviderId, number>>;
  /** How long the simulator's running batches run; default 600 s. */
  simDurationSeconds?: number;
  /** Put the running-alias proxy between the app and the simulator. */
  runningAliases?: boolean;
  /**
   * Node options for the app's process; default from BENCH_APP_NODE_ARGS, e.g.
   * `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it (Node refuses --cpu-prof in NODE_OPTIONS).
   */
  nodeArgs?: string[];
  /** More of the app's environment (a webhook key, say). */
  env?: Record<string, string>;
  /** The simulator posts SendGrid's signed Event Webhook to the environment's SendGrid connection, whose key the app is given. */
  sendgridWebhook?: boolean;
};

export type AppStack = {
  /** CPU seconds the app's processes have used so far. */
  appCpuSeconds: () => number;
  /** Resident memory of the app's processes now, in bytes. */
  appRssBytes: () => number;
  baseUrl: string;
  cookie: string;
  sim: Simulator;
  stop: () => Promise<void>;
};

/** The real simulator and `next start` of the current build on free loopback ports, signed in. */
export async function startAppStack(options: AppStackOptions): Promise<AppStack> {
  // The app's port first: the simulator's SendGrid webhook posts there.
  const port = await findFreePort();
  const sim = await startSimulator({
    host: HOST,
    port: await findFreePort(),
    durationSeconds: options.simDurationSeconds,
    sendgridWebhookUrl: options.sendgridWebhook ? `http://${HOST}:${port}/api/hooks/sendgrid/env-sendgrid` : undefined,
  });
  const proxy = options.runningAliases ? await startAliasProxy(sim.url) : null;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sendboard-bench-"));
  const webhookKey: Record<string, string> = sim.sendgridWebhookKey ? { SENDGRID_WEBHOOK_PUBLIC_KEY: sim.sendgridWebhookKey } : {};
  const nextBin = path.join(options.appDir, "node_modules/next/dist/bin/next");
  const app = spawn(
    process.execPath,
    [...(options.nodeArgs ?? (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean)), nextBin, "start", options.appDir, "-H", HOST, "-p", String(port)],
    {
      cwd: options.appDir,
      detached: true, // its own process group, so stopping it also stops anything it started
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...appEnv(proxy?.url ?? sim.url, dataDir, port, options.budgets ?? {}), ...webhookKey, ...options.env },
    },
  );
  const output = keepTail(app);
  // Detached, so Ctrl+C does not reach it: if this process dies first, take the app with it.
  const killOnExit = () => signalGroup(app.pid ?? 0, "SIGKILL");
  process.on("exit", killOnExit);
  const stop = deferCleanup(async () => {
    await stopProcessGroup(app);
    process.off("exit", killOnExit);
    await proxy?.close();
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  try {
    const baseUrl = `http://${HOST}:${port}`;
    await Promise.race([waitForUrl(`${baseUrl}/api/health`, 60_000), exitedEarly(app, output)]);
    const cookie = await signInForCookie(baseUrl, ADMIN.email, ADMIN.password);
    return {
      baseUrl,
      cookie,
      sim,
      stop,
      appCpuSeconds: () => groupCpuSeconds(app.pid ?? 0),
      appRssBytes: () => groupRssBytes(app.pid ?? 0),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function appEnv(
  upstreamUrl: string,
  dataDir: string,
  port: number,
  budgets: Partial<Record<ProviderId, number>>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("hex"),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    DATA_DIR: dataDir,
    HOSTNAME: HOST,
    PORT: String(port),
    APP_URL: `http://${HOST}:${port}`,
  };
  for (const provider of PROVIDER_IDS) {
    const names = providerEnvNames(provider);
    env[names.baseUrl] = upstreamUrl;
    env[names.apiKey] = SIM_KEYS[provider];
    // Empty means "not set" to the app: a budget left in the shell must not change the figures.
    env[names.budgetPerMinute] = budgets[provider] === undefined ? "" : String(budgets[provider]);
  }
  return env;
}

function keepTail(child: ChildProcess): () => string {
  // The app logs a line per request: keep the last few kilobytes as they come, cheaply, since
  // this process also generates the load being measured.
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-TAIL_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => tail;
}

function exitedEarly(child: ChildProcess, output: () => string): Promise<never> {
  return new Promise((_, reject) =>
    child.once("exit", (code) =>
      reject(new Error(`next start exited (code ${code}) before answering:\n${output()}`)),
    ),
  );
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
