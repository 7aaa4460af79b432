import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseSendGridPublicKey } from "@/lib/server/security/sendgrid-public-key";
import { assertSignedBySendGrid } from "@/lib/server/hooks/sendgrid/verify-signature";
import { MESSAGES_PER_BATCH, sendGridEventsBetween } from "./providers/sendgrid-events";
import { startSendGridWebhook } from "./sendgrid-webhook";
import { SimState } from "./state";

const start = Date.parse("2026-12-02T12:00:00Z");
const runMs = 10 * 60_000;
const batch = { sendAtMs: start, status: null, group: "catalogue" };

describe("sendGridEventsBetween", () => {
  it("tells each message once over the run, the same story every time, in windows that add up", () => {
    const all = sendGridEventsBetween("b1", batch, runMs, start - 1, start + 2 * runMs);
    expect(all).toEqual(sendGridEventsBetween("b1", batch, runMs, start - 1, start + 2 * runMs));
    const processedOrDropped = new Set(
      all
        .filter((e) => e.event === "processed" || e.event === "dropped")
        .map((e) => e.sg_message_id),
    );
    expect(processedOrDropped.size).toBe(MESSAGES_PER_BATCH);
    expect(new Set(all.map((e) => e.sg_event_id)).size).toBe(all.length);
    const halves = [
      ...sendGridEventsBetween("b1", batch, runMs, start - 1, start + runMs / 2),
      ...sendGridEventsBetween("b1", batch, runMs, start + runMs / 2, start + 2 * runMs),
    ];
    expect(halves.length).toBe(all.length);
    const kinds = new Set(all.map((e) => `${e.event}${e.type ? `:${e.type}` : ""}`));
    for (const kind of [
      "processed",
      "delivered",
      "deferred",
      "bounce:bounce",
      "bounce:blocked",
      "dropped",
      "open",
      "click",
    ])
      expect(kinds).toContain(kind);
    expect(all.every((e) => e.batch_id === "b1")).toBe(true);
  });

  it("tells nothing of held mail or before the send time", () => {
    expect(
      sendGridEventsBetween("b1", { ...batch, status: "pause" }, runMs, start - 1, start + runMs),
    ).toEqual([]);
    expect(
      sendGridEventsBetween(
        "b1",
        { ...batch, sendAtMs: start + runMs },
        runMs,
        start - 1,
        start + runMs,
      ),
    ).toEqual([]);
  });
});

describe("startSendGridWebhook", () => {
  const closers: (() => void)[] = [];
  afterEach(() => closers.splice(0).forEach((close) => close()));

  it("posts signed bodies the app's verifier accepts, and posts again what a refused POST carried", async () => {
    const received: { body: Buffer; signature: string; timestamp: string }[] = [];
    let refuseFirst = true;
    let refusedIds: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        if (refuseFirst) {
          refuseFirst = false;
          refusedIds = (
            JSON.parse(Buffer.concat(chunks).toString()) as { sg_event_id: string }[]
          ).map((event) => event.sg_event_id);
          res.writeHead(503).end();
          return;
        }
        received.push({
          body: Buffer.concat(chunks),
          signature: String(req.headers["x-twilio-email-event-webhook-signature"]),
          timestamp: String(req.headers["x-twilio-email-event-webhook-timestamp"]),
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => server.close());
    const state = new SimState();
    // Sent 20 minutes ago over a 10-minute run: every event is due at the first tick.
    state.sendgrid.set("b1", { ...batch, sendAtMs: Date.now() - 20 * 60_000 });
    const sender = startSendGridWebhook({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      state,
      runs: {
        main: { startMs: 0, durationMs: runMs },
        fast: { startMs: 0, durationMs: 0 },
        past: { startMs: 0, durationMs: 0 },
      },
      batchIds: () => ["b1"],
      tickMs: 30,
    });
    closers.push(() => sender.stop());
    // The sender only tells what happened after it started: nothing here is new, so nothing is posted.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
    state.sendgrid.set("b2", { ...batch, sendAtMs: Date.now() - runMs });
    sender.stop();
    const live = startSendGridWebhook({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      state,
      runs: {
        main: { startMs: 0, durationMs: 4 * runMs },
        fast: { startMs: 0, durationMs: 0 },
        past: { startMs: 0, durationMs: 0 },
      },
      batchIds: () => ["b2"],
      tickMs: 30,
    });
    closers.push(() => live.stop());
    await expect.poll(() => received.length, { timeout: 5_000 }).toBeGreaterThan(0);
    const key = parseSendGridPublicKey(live.publicKey)!;
    // SendGrid retries what was not acknowledged: the refused events arrive in a later POST.
    expect(refusedIds.length).toBeGreaterThan(0);
    const delivered = new Set(
      received.flatMap((post) =>
        (JSON.parse(post.body.toString()) as { sg_event_id: string }[]).map(
          (event) => event.sg_event_id,
        ),
      ),
    );
    expect(refusedIds.every((id) => delivered.has(id))).toBe(true);
    for (const post of received) {
      expect(() =>
        assertSignedBySendGrid(
          key,
          { signature: post.signature, timestamp: post.timestamp, body: post.body },
          new Date(),
        ),
      ).not.toThrow();
      const events = JSON.parse(post.body.toString()) as { batch_id: string }[];
      expect(events.length).toBeLessThanOrEqual(1_000);
      expect(events.every((event) => event.batch_id === "b2")).toBe(true);
    }
  });
});
