import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInForCookie } from "../scripts/lib/sign-in";
import { waitForUrl } from "../scripts/lib/wait-for-url";
import { freePort, stopGroup } from "./support/processes";
import { E2E } from "./support/settings";

// Two more `next start` instances on the PostgreSQL the suite's app uses, all sharing the simulator.
const databaseUrl = process.env.DATABASE_URL;
test.skip(!databaseUrl, "Several instances need PostgreSQL: set DATABASE_URL (CI's second run: tsx scripts/with-postgres.ts -- npm test).");

// As in playwright.config.ts: the instances share the suite app's database, so its users and stored keys.
const SHARED_SECRETS = { AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret", ENCRYPTION_KEY: "e2e0".repeat(16) };
const STEP_MS = 2_000; // running batches' cadence, well within the e2e budgets
const WATCHED = [
  { provider: "migma", batchId: E2E.ids.migma.running },
  { provider: "mindo", batchId: E2E.ids.mindo.running },
  { provider: "bolna", batchId: E2E.ids.bolna.running },
] as const;
const pollKeyOf = (batch: (typeof WATCHED)[number]) => `env-${batch.provider}:${batch.provider}:${batch.batchId}`;

type Instance = { name: string; url: string; process: ChildProcess; output: string[] };
type Seen = { instance: string; batch: string; fetchedAt: number; at: number };

const instances: Instance[] = [];
let db: pg.Client;

test.beforeAll(async () => {
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => stopGroup(instance.process)));
  await db?.end();
});

test("two instances poll each batch once between them, and the survivor takes over when one dies", async () => {
  test.setTimeout(180_000);
  const [a, b] = await Promise.all([startInstance("a"), startInstance("b")]);
  // Signed in on A, read on both: sessions live in the shared database.
  const cookie = await signInForCookie(a.url, E2E.admin.email, E2E.admin.password);
  // The suite's own app may still be polling these batches for earlier tests; A should start as the holder.
  await waitForFreeLeases(75_000);

  await fetch(`${E2E.simUrl}/__sim/reset`, { method: "POST" });
  const began = Date.now();
  const seen: Seen[] = [];
  const stopA = watch(a, cookie, seen);
  await sleep(1_500);
  const stopB = watch(b, cookie, seen);
  await sleep(8_500);

  const holdersBefore = await leaseHolders();
  const callsBefore = await simCalls();
  const idOf = (instance: Instance) => instanceIdOf(instance);
  expect([...holdersBefore.values()]).toEqual(WATCHED.map(() => idOf(a)));
  stopA();
  await stopGroup(a.process, "SIGKILL");
  const diedAt = Date.now();
  await sleep(10_000);
  stopB();
  const ended = Date.now();
  const callsAfter = await simCalls();
  const holdersAfter = await leaseHolders();

  const oneInstance = Math.floor((ended - began) / STEP_MS) + 1;
  for (const batch of WATCHED) {
    const key = `${batch.provider}:${batch.batchId}`;
    const total = callsAfter[key] ?? 0;
    test.info().annotations.push({ type: "calls", description: `${key}: ${total} calls in ${ended - began} ms (one instance: at most ${oneInstance}); ${callsBefore[key] ?? 0} before the kill` });
    // No more calls than one instance alone would make, though two (three with the suite's app) watched.
    expect(total).toBeLessThanOrEqual(oneInstance);
    expect(total).toBeGreaterThanOrEqual(oneInstance - 4);
    // B followed A while both lived: it served A's snapshots, which advanced.
    const fromB = seen.filter((item) => item.instance === "b" && item.batch === key);
    expect(new Set(fromB.filter((item) => item.at < diedAt).map((item) => item.fetchedAt)).size).toBeGreaterThanOrEqual(3);
    // After A died, B took the lease and its snapshots kept advancing.
    expect(holdersAfter.get(pollKeyOf(batch))).toBe(idOf(b));
    expect(total).toBeGreaterThan(callsBefore[key] ?? 0);
    const fresh = new Set(fromB.filter((item) => item.fetchedAt > diedAt).map((item) => item.fetchedAt));
    expect(fresh.size).toBeGreaterThanOrEqual(3);
  }
  // Every read on B answered, through A's death.
  expect(seen.filter((item) => item.instance === "b" && item.fetchedAt === 0)).toEqual([]);
});

test("a Bolna webhook posted to one instance reaches the batch another instance serves within about a second", async () => {
  test.setTimeout(150_000);
  const [c, d] = await Promise.all([startInstance("c"), startInstance("d")]);
  const cookie = await signInForCookie(c.url, E2E.admin.email, E2E.admin.password);
  const json = { cookie, "Content-Type": "application/json" };
  // A connection of this test's own: a live hook quickens only its batches.
  const added = await fetch(`${c.url}/api/connections`, { method: "POST", headers: json, body: JSON.stringify({ provider: "bolna", name: `Hooked ${Date.now()}`, apiKey: E2E.keys.bolna }) });
  expect(added.status).toBe(201);
  const { id: connectionId } = (await added.json()) as { id: string };
  const hook = await fetch(`${c.url}/api/connections/${connectionId}/bolna-hook`, { method: "POST", headers: { cookie } });
  expect(hook.status).toBe(201);
  const hookPath = new URL(((await hook.json()) as { url: string }).url).pathname;
  const batchId = `c0ffee${(Date.now() + 11).toString(16).padStart(26, "0").slice(-26)}`;
  // Seen by the simulator first, so it is dialling when C first polls it.
  await fetch(`${E2E.simUrl}/batches/${batchId}`, { headers: { Authorization: `Bearer ${E2E.keys.bolna}` } });
  await sleep(200);
  const stateOnC = async () => {
    const response = await fetch(`${c.url}/api/batches/bolna/${batchId}?connection=${connectionId}`, { headers: { cookie } });
    return response.ok ? ((await response.json()) as { state: string }).state : `HTTP ${response.status}`;
  };
  await expect.poll(stateOnC, { timeout: 20_000 }).toBe("running");
  const post = (status: string) =>
    fetch(`${d.url}${hookPath}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id: `${batchId}-1`, batch_id: batchId, status }) });
  expect((await post("ringing")).status).toBe(200);
  // C learns the hook is live from the database (within 5 s); keep reading meanwhile, as a page would.
  await sleep(6_000);
  expect(await stateOnC()).toBe("running");

  expect((await fetch(`${E2E.simUrl}/batches/${batchId}/stop`, { method: "POST", headers: { Authorization: `Bearer ${E2E.keys.bolna}` } })).status).toBe(200);
  const sentAt = Date.now();
  expect((await post("stopped")).status).toBe(200);
  await expect.poll(stateOnC, { timeout: 10_000, intervals: [100] }).toBe("cancelled");
  const lagMs = Date.now() - sentAt;
  test.info().annotations.push({ type: "freshness", description: `webhook on D → batch API on C: ${lagMs} ms` });
  // D polled at once and published; C, which held the batch, peeks at what others published every second while the hook is live.
  expect(lagMs).toBeLessThanOrEqual(2_500);
});

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
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(os.tmpdir(), `sendboard-e2e-multi-${name}`),
      UPSTREAM_TIMEOUT_MS: "2500",
      APP_URL: `http://127.0.0.1:${port}`,
    },
  });
  const instance: Instance = { name, url: `http://127.0.0.1:${port}`, process: child, output: [] };
  const keep = (chunk: Buffer) => instance.output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  instances.push(instance);
  await waitForUrl(`${instance.url}/api/health`, 90_000);
  return instance;
}

/** Reads every watched batch every 500 ms, as a browser would, recording what came back. */
function watch(instance: Instance, cookie: string, seen: Seen[]): () => void {
  let running = true;
  void (async () => {
    while (running) {
      await Promise.all(
        WATCHED.map(async (batch) => {
          const response = await fetch(`${instance.url}/api/batches/${batch.provider}/${batch.batchId}?connection=env-${batch.provider}`, { headers: { cookie } }).catch(() => null);
          if (!running) return;
          const body = response?.ok ? ((await response.json()) as { fetchedAt: string }) : null;
          seen.push({ instance: instance.name, batch: `${batch.provider}:${batch.batchId}`, fetchedAt: body ? Date.parse(body.fetchedAt) : 0, at: Date.now() });
        }),
      );
      await sleep(500);
    }
  })();
  return () => {
    running = false;
  };
}

/** The id the instance logged when it started polling through PostgreSQL. */
function instanceIdOf(instance: Instance): string {
  for (const line of instance.output) {
    const id = line.includes("instanceId") ? (JSON.parse(line) as { instanceId?: string }).instanceId : undefined;
    if (id) return id;
  }
  throw new Error(`Instance ${instance.name} never logged its instance id:\n${instance.output.slice(-20).join("\n")}`);
}

async function leaseHolders(): Promise<Map<string, string>> {
  const { rows } = await db.query<{ poll_key: string; holder: string }>("select poll_key, holder from poll_leases where poll_key = any($1) and expires_at > $2", [
    WATCHED.map(pollKeyOf),
    new Date().toISOString(),
  ]);
  return new Map(rows.map((row) => [row.poll_key, row.holder]));
}

async function waitForFreeLeases(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while ((await leaseHolders()).size > 0) {
    if (Date.now() > deadline) throw new Error("The watched batches stayed leased by another instance.");
    await sleep(1_000);
  }
}

async function simCalls(): Promise<Record<string, number>> {
  const response = await fetch(`${E2E.simUrl}/__sim/stats`);
  return ((await response.json()) as { calls: Record<string, number> }).calls;
}
