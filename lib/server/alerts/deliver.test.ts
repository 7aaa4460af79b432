import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AlertMessage } from "@/lib/alerts";
import { mockedEnvModule, routeState } from "@/lib/server/testing/route-harness";
import { openTempDatabase, type TempDatabase } from "@/lib/server/testing/temp-database";
import { startWebhookReceiver } from "@/scripts/lib/alert-receivers";
import { deliverMessage } from "./deliver";
import type { ContactPointRow } from "./row-types";
import { sealSecret, sealTarget } from "./secrets";

vi.mock("@/lib/server/env", async (original) => mockedEnvModule(await original()));

let temp: TempDatabase;
beforeEach(async () => {
  temp = await openTempDatabase();
  routeState.env = { ALERTS_ALLOW_PRIVATE_URLS: "1" };
});
afterEach(async () => temp.close());

const SECRET = "whsec_test";
const message: AlertMessage = {
  type: "alert.firing",
  alertId: "00000000-0000-4000-8000-000000000001",
  rule: { id: "r", kind: "finished" },
  batch: { provider: "migma", batchId: "b", name: null, state: "completed", processed: 1, total: 1, failed: 0, url: "http://127.0.0.1:3000/batches/migma/b" },
  at: "2026-12-02T12:00:00.000Z",
};

function webhookPoint(url: string): ContactPointRow {
  const id = crypto.randomUUID();
  return { id, team_id: "t1", type: "webhook", name: "Hook", encrypted_target: sealTarget(id, url), target_hint: "x", encrypted_secret: sealSecret(id, SECRET), created_by: "a", created_at: "" };
}
const log = () => temp.db.selectFrom("alert_deliveries").select(["attempt", "status", "http_status", "error"]).orderBy("attempt").execute();

describe("deliverMessage", () => {
  it("retries a 5xx with backoff until the receiver takes it, logging every attempt", async () => {
    const receiver = await startWebhookReceiver(() => SECRET, (count) => (count < 3 ? 503 : 200));
    try {
      const result = await deliverMessage(temp.db, webhookPoint(receiver.url), message, { incidentId: message.alertId, firstRetryMs: 20 });
      expect(result).toMatchObject({ status: "delivered", attempts: 3, httpStatus: 200 });
      expect(receiver.received.every((item) => item.verified)).toBe(true);
      expect(await log()).toEqual([
        { attempt: 1, status: "retrying", http_status: 503, error: "http_503" },
        { attempt: 2, status: "retrying", http_status: 503, error: "http_503" },
        { attempt: 3, status: "delivered", http_status: 200, error: null },
      ]);
    } finally {
      await receiver.close();
    }
  });

  it("does not retry a 4xx", async () => {
    const receiver = await startWebhookReceiver(() => SECRET, () => 410);
    try {
      const result = await deliverMessage(temp.db, webhookPoint(receiver.url), message, { incidentId: null, firstRetryMs: 20 });
      expect(result).toMatchObject({ status: "failed", attempts: 1, httpStatus: 410 });
      expect(receiver.received).toHaveLength(1);
      expect(await log()).toEqual([{ attempt: 1, status: "failed", http_status: 410, error: "http_410" }]);
    } finally {
      await receiver.close();
    }
  });

  it("gives up on a receiver that never answers after the last timed-out attempt", async () => {
    let requests = 0;
    const hanging = createServer(() => void (requests += 1));
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hook`;
    try {
      const settings = { policy: { allowPrivate: true }, smtpUrl: undefined, smtpFrom: "a@b.c", timeoutMs: 150 };
      const result = await deliverMessage(temp.db, webhookPoint(url), message, { incidentId: null, firstRetryMs: 10, settings });
      expect(result).toMatchObject({ status: "failed", attempts: 4, error: "timeout" });
      expect(requests).toBe(4);
      expect((await log()).map((row) => row.status)).toEqual(["retrying", "retrying", "retrying", "failed"]);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it("refuses, without sending, a private destination once ALERTS_ALLOW_PRIVATE_URLS is off", async () => {
    const receiver = await startWebhookReceiver(() => SECRET);
    try {
      routeState.env = {};
      const result = await deliverMessage(temp.db, webhookPoint(receiver.url), message, { incidentId: null, firstRetryMs: 10 });
      expect(result).toMatchObject({ status: "failed", attempts: 1, error: "destination_refused" });
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});
