import { describe, expect, it } from "vitest";
import { batchSnapshotSchema } from "@/lib/batch-snapshot";
import type { EmailEventsTally } from "../email-events-tally";
import { WEBHOOK_NOTE } from "./event-counts";
import docsMailBatch from "./fixtures/docs-mail-batch.json";
import empty from "./fixtures/scheduled-send-empty.json";
import docsScheduledSend from "./fixtures/docs-scheduled-send.json";
import { normalizeSendGridBatch } from "./transform";

const now = new Date("2025-06-01T12:00:00Z");
const tally = (counts: Partial<EmailEventsTally>): EmailEventsTally => ({
  processed: 0,
  deferred: 0,
  delivered: 0,
  bounced: 0,
  blocked: 0,
  dropped: 0,
  opened: 0,
  clicked: 0,
  events: 0,
  firstEventAt: "2025-06-01T11:00:00.000Z",
  lastReceivedAt: "2025-06-01T11:59:00.000Z",
  ...counts,
});
const normalize = (
  emailEvents: EmailEventsTally | null,
  scheduledSends: unknown = empty,
  batchId = "b1",
) =>
  normalizeSendGridBatch({ batch: docsMailBatch, scheduledSends }, { batchId, now, emailEvents });

describe("a SendGrid batch with webhook counts", () => {
  it("shows the messages by state, the funnel, and progress = final ÷ processed", () => {
    const snapshot = normalize(
      tally({
        processed: 10,
        deferred: 1,
        delivered: 5,
        bounced: 1,
        blocked: 1,
        dropped: 1,
        opened: 3,
        clicked: 1,
        events: 30,
      }),
    );
    expect(batchSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({
      state: "running",
      total: 10,
      processed: 8,
      progress: 0.8,
      startedAt: "2025-06-01T11:00:00.000Z",
      details: { webhookEvents: 30 },
    });
    expect(
      Object.fromEntries(
        snapshot.counts.map((count) => [count.status, [count.count, count.outcome]]),
      ),
    ).toEqual({
      processed: [1, "pending"],
      deferred: [1, "active"],
      delivered: [5, "success"],
      bounced: [1, "failure"],
      blocked: [1, "failure"],
      dropped: [1, "failure"],
    });
    expect(snapshot.funnel).toEqual([
      { status: "delivered", label: "Delivered", count: 5 },
      { status: "opened", label: "Opened", count: 3 },
      { status: "clicked", label: "Clicked", count: 1 },
    ]);
    expect(snapshot.notes[0]).toBe(WEBHOOK_NOTE);
  });

  it("is completed once every processed message is final, and a cancel stays a cancel", () => {
    expect(normalize(tally({ processed: 3, delivered: 2, bounced: 1 }))).toMatchObject({
      state: "completed",
      progress: 1,
    });
    const cancelled = normalize(
      tally({ processed: 3, delivered: 1 }),
      docsScheduledSend,
      "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi",
    );
    expect(cancelled.state).toBe("cancelled");
  });

  it("without webhook events keeps saying SendGrid reports no counts", () => {
    const snapshot = normalize(null);
    expect(snapshot).toMatchObject({
      total: null,
      processed: 0,
      counts: [],
      funnel: null,
      state: "scheduled",
    });
    expect(snapshot.notes[0]).not.toBe(WEBHOOK_NOTE);
  });
});
