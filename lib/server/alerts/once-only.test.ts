import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AlertMessage } from "@/lib/alerts";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { blankSnapshot } from "@/lib/testing/blank-snapshot";
import { mockedDatabaseModule, mockedEnvModule, routeState, serveEnvConnectionsTo } from "@/lib/server/testing/route-harness";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import { startSlackReceiver, startSmtpReceiver, startWebhookReceiver, type ReceivedMail, type ReceivedSlack, type ReceivedWebhook, type Receiver } from "@/scripts/lib/alert-receivers";
import type { ServiceContext } from "../service-context";
import { createContactPoint } from "./contact-points";
import { createAlertEvaluator } from "./evaluator";
import { createAlertRule } from "./rules";

// Two instances' evaluators on one database, racing on the same poll results, with real
// receivers on loopback: each incident reaches each contact point once.
vi.mock("@/lib/server/db/database", async (original) => mockedDatabaseModule(await original()));
vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let temp: TempDatabase;
let webhook: Receiver<ReceivedWebhook>;
let slack: Receiver<ReceivedSlack>;
let smtp: Receiver<ReceivedMail>;
let secret: string | null = null;

beforeAll(async () => {
  [webhook, slack, smtp] = await Promise.all([startWebhookReceiver(() => secret), startSlackReceiver(), startSmtpReceiver()]);
});
afterAll(async () => Promise.all([webhook.close(), slack.close(), smtp.close()]));

beforeEach(async () => {
  temp = await openTempDatabase();
  routeState.db = temp.db;
  routeState.env = { ALERTS_ALLOW_PRIVATE_URLS: "1", SMTP_URL: smtp.url };
  await serveEnvConnectionsTo(temp.db, "t1");
  for (const receiver of [webhook, slack, smtp]) receiver.received.length = 0;
});
afterEach(async () => temp.close());

const admin: () => ServiceContext = () => ({ db: temp.db, actor: { id: "u-admin", teamId: "t1", role: "admin", email: "admin@example.com" } });
const key = { connectionId: "env-migma", provider: "migma" as const, batchId: "b-1" };
const snapshot = (overrides: Partial<BatchSnapshot>) => blankSnapshot({ batchId: key.batchId, name: "Spring sale", total: 100, ...overrides });

async function contactPoints(): Promise<string[]> {
  const hook = await createContactPoint(admin(), { type: "webhook", name: "Ops hook", url: webhook.url });
  secret = hook.secret ?? null;
  const slackPoint = await createContactPoint(admin(), { type: "slack", name: "#sends", url: slack.url });
  const mail = await createContactPoint(admin(), { type: "email", name: "On-call", to: "oncall@example.com" });
  return [hook.id, slackPoint.id, mail.id];
}

const everyReceiverHas = (count: number) =>
  vi.waitFor(() => {
    expect(webhook.received).toHaveLength(count);
    expect(slack.received).toHaveLength(count);
    expect(smtp.received).toHaveLength(count);
  }, { timeout: 5_000 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("incidents across instances", () => {
  it("a finished batch seen by two instances at once gives one firing message per contact point", async () => {
    const contactPointIds = await contactPoints();
    await createAlertRule(admin(), { batch: { provider: "migma", batchId: key.batchId }, kind: "finished", contactPointIds });
    const a = createAlertEvaluator({ db: async () => temp.db });
    const b = createAlertEvaluator({ db: async () => temp.db });

    const running = snapshot({ state: "running", processed: 40 });
    expect((await Promise.all([a.onSnapshot(key, running), b.onSnapshot(key, running)])).flat()).toEqual([]);
    const done = snapshot({ state: "completed", processed: 100, progress: 1, counts: [{ status: "failed", label: "Failed", count: 3, outcome: "failure" }] });
    const changes = (await Promise.all([a.onSnapshot(key, done), b.onSnapshot(key, done), a.onSnapshot(key, done), b.onSnapshot(key, done)])).flat();
    expect(changes.map((change) => change?.kind)).toEqual(["fired"]);

    await everyReceiverHas(1);
    await settle();
    expect(webhook.received).toHaveLength(1);
    const [hook] = webhook.received;
    expect(hook!.verified).toBe(true);
    const body = hook!.json as AlertMessage;
    expect(body).toMatchObject({
      type: "alert.firing",
      alertId: changes[0]!.incident.id,
      rule: { kind: "finished" },
      batch: { provider: "migma", batchId: "b-1", name: "Spring sale", state: "completed", processed: 100, total: 100, failed: 3, url: "http://127.0.0.1:3000/batches/migma/b-1?connection=env-migma" },
    });
    expect(slack.received[0]!.problems).toEqual([]);
    expect(JSON.stringify(slack.received[0]!.json)).toContain("Spring sale");
    expect(smtp.received[0]).toMatchObject({ to: ["oncall@example.com"], alertId: changes[0]!.incident.id, alertType: "alert.firing" });
    expect(smtp.received[0]!.subject).toContain("Spring sale");

    // A third instance starting later sees the incident and sends nothing again.
    const c = createAlertEvaluator({ db: async () => temp.db });
    expect(await c.onSnapshot(key, done)).toEqual([]);
    const log = await temp.db.selectFrom("alert_deliveries").select(["status", "message_type", "attempt"]).execute();
    expect(log).toHaveLength(3);
    expect(log.every((row) => row.status === "delivered" && row.message_type === "alert.firing" && row.attempt === 1)).toBe(true);
  });

  it("a condition that clears sends one resolved message with the firing's alertId, and can fire again later", async () => {
    const contactPointIds = await contactPoints();
    await createAlertRule(admin(), { batch: { provider: "migma", batchId: key.batchId }, kind: "failure_share", threshold: 10, contactPointIds });
    const a = createAlertEvaluator({ db: async () => temp.db });
    const b = createAlertEvaluator({ db: async () => temp.db });
    const failing = snapshot({ processed: 50, counts: [{ status: "failed", label: "Failed", count: 10, outcome: "failure" }] });
    const recovered = snapshot({ processed: 100, counts: [{ status: "failed", label: "Failed", count: 10, outcome: "failure" }] });

    const fired = (await Promise.all([a.onSnapshot(key, failing), b.onSnapshot(key, failing)])).flat();
    expect(fired.map((change) => change?.kind)).toEqual(["fired"]);
    await everyReceiverHas(1);
    const resolved = (await Promise.all([a.onSnapshot(key, recovered), b.onSnapshot(key, recovered)])).flat();
    expect(resolved.map((change) => change?.kind)).toEqual(["resolved"]);
    await everyReceiverHas(2);
    const [firing, resolving] = webhook.received.map((item) => item.json as AlertMessage);
    expect([firing!.type, resolving!.type]).toEqual(["alert.firing", "alert.resolved"]);
    expect(resolving!.alertId).toBe(firing!.alertId);

    const again = snapshot({ processed: 100, counts: [{ status: "failed", label: "Failed", count: 30, outcome: "failure" }] });
    const refired = (await Promise.all([a.onSnapshot(key, again), b.onSnapshot(key, again)])).flat();
    expect(refired.map((change) => change?.kind)).toEqual(["fired"]);
    expect(refired[0]!.incident.id).not.toBe(firing!.alertId);
    await everyReceiverHas(3);
  });

  it("a board's rule covers the batches on the board", async () => {
    const contactPointIds = await contactPoints();
    const board = { id: crypto.randomUUID(), team_id: "t1", name: "Wall", created_by: "u-admin", created_at: new Date().toISOString(), updated_at: new Date().toISOString() };
    await temp.db.insertInto("boards").values(board).execute();
    await temp.db.insertInto("board_batches").values({ id: crypto.randomUUID(), board_id: board.id, connection_id: key.connectionId, provider: key.provider, batch_id: key.batchId, position: 0, added_at: board.created_at }).execute();
    await createAlertRule(admin(), { boardId: board.id, kind: "finished", contactPointIds: [contactPointIds[0]!] });
    const a = createAlertEvaluator({ db: async () => temp.db });
    expect(await a.onSnapshot({ ...key, batchId: "not-on-board" }, snapshot({ batchId: "not-on-board", state: "completed" }))).toEqual([]);
    expect((await a.onSnapshot(key, snapshot({ state: "failed" }))).map((change) => change?.kind)).toEqual(["fired"]);
    await vi.waitFor(() => expect(webhook.received).toHaveLength(1));
  });

  it("stale: calls failing for N minutes fire once, the first success resolves it", async () => {
    const contactPointIds = await contactPoints();
    await createAlertRule(admin(), { batch: { provider: "migma", batchId: key.batchId }, kind: "stale", minutes: 2, contactPointIds: [contactPointIds[0]!] });
    const a = createAlertEvaluator({ db: async () => temp.db });
    const t0 = Date.parse("2026-12-02T12:00:00.000Z");
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    await a.onSnapshot(key, snapshot({ processed: 10 }), at(0));
    expect(await a.onFailure(key, at(1))).toEqual([]);
    expect(await a.onFailure(key, at(2.5))).toEqual([]);
    expect((await a.onFailure(key, at(3.1))).map((change) => change?.kind)).toEqual(["fired"]);
    expect(await a.onFailure(key, at(4))).toEqual([]);
    expect((await a.onSnapshot(key, snapshot({ processed: 12 }), at(5))).map((change) => change?.kind)).toEqual(["resolved"]);
    await vi.waitFor(() => expect(webhook.received.map((item) => (item.json as AlertMessage).type)).toEqual(["alert.firing", "alert.resolved"]));
  });
});
