import { describe, expect, it } from "vitest";
import { batchSnapshotSchema } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import docsMailBatchExample from "./fixtures/docs-mail-batch-example.json";
import docsMailBatch from "./fixtures/docs-mail-batch.json";
import docsScheduledSend from "./fixtures/docs-scheduled-send.json";
import docsList from "./fixtures/docs-scheduled-sends-list.json";
import empty from "./fixtures/scheduled-send-empty.json";
import lone from "./fixtures/scheduled-send-object.json";
import unknownStatus from "./fixtures/scheduled-send-unknown-status.json";
import wrongTypes from "./fixtures/scheduled-send-wrong-types.json";
import { EXPIRED_REASON, SEND_TIME_UNKNOWN } from "./send-time-state";
import { normalizeSendGridBatch } from "./transform";

const now = new Date("2025-06-01T12:00:00Z");
const normalize = (batchId: string, scheduledSends: unknown, batch: unknown = docsMailBatch) =>
  normalizeSendGridBatch({ batch, scheduledSends }, { batchId, now });
const NO_COUNTS =
  "SendGrid reports no per-batch counts: only whether the batch is scheduled, paused or cancelled.";

function thrown(raw: unknown): AppError {
  try {
    normalizeSendGridBatch(raw, { batchId: "x", now });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected normalizeSendGridBatch to throw");
}

describe("normalizeSendGridBatch", () => {
  it("reads the docs' per-batch array: the entry for this id wins (cancel)", () => {
    expect(normalize("HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi", docsScheduledSend)).toEqual({
      provider: "sendgrid",
      batchId: "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi",
      name: null,
      state: "cancelled",
      providerStatus: "cancel",
      total: null,
      processed: 0,
      progress: null,
      counts: [],
      funnel: null,
      etaSeconds: null,
      createdAt: null,
      startedAt: null,
      completedAt: null,
      scheduledAt: null,
      updatedAt: null,
      fetchedAt: "2025-06-01T12:00:00.000Z",
      stale: false,
      notes: [NO_COUNTS, "Cancelled mail is discarded when its send time comes.", SEND_TIME_UNKNOWN],
      details: {},
      reason: null,
    });
  });

  it("picks the paused entry of the docs' array for the other id", () => {
    const snapshot = normalize(
      "IbLdyLYULb7Rj8GKSx7u025ouWVlAiMg",
      docsScheduledSend,
      docsMailBatchExample,
    );
    expect(snapshot.state).toBe("paused");
    expect(snapshot.providerStatus).toBe("pause");
    expect(snapshot.notes).toEqual([
      NO_COUNTS,
      "Paused mail is held past its send time and expires 72 hours after it unless resumed.",
      SEND_TIME_UNKNOWN,
    ]);
  });

  it("trusts the endpoint's scope when no entry echoes the id, cancel before pause", () => {
    expect(normalize("YOUR_BATCH_ID", docsScheduledSend).state).toBe("cancelled");
    expect(normalize("YOUR_BATCH_ID", docsList).state).toBe("cancelled");
  });

  it("calls a batch with no pause or cancel entry scheduled", () => {
    const snapshot = normalize("sim-scheduled", empty);
    expect(snapshot.state).toBe("scheduled");
    expect(snapshot.providerStatus).toBeNull();
    expect(snapshot.progress).toBeNull();
    expect(snapshot.notes[0]).toBe(NO_COUNTS);
    expect(snapshot.notes[1]).toMatch(/may already have gone out/);
  });

  it("accepts a lone object where the docs promise an array", () => {
    expect(normalize("sim-paused", lone).state).toBe("paused");
  });

  it("keeps an unknown scheduled-send status verbatim", () => {
    const snapshot = normalize("sim-unknown", unknownStatus);
    expect(snapshot.state).toBe("unknown");
    expect(snapshot.providerStatus).toBe("expire");
    expect(snapshot.notes.some((note) => note.includes("“expire”"))).toBe(true);
  });

  it("produces snapshots the shared schema accepts", () => {
    for (const sends of [docsScheduledSend, docsList, empty, lone, unknownStatus]) {
      expect(
        batchSnapshotSchema.safeParse(normalize("HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi", sends)).success,
      ).toBe(true);
    }
  });

  it.each([
    ["a status of the wrong type", { batch: docsMailBatch, scheduledSends: wrongTypes }],
    ["scheduled sends that are not a list", { batch: docsMailBatch, scheduledSends: "pause" }],
    ["an unreadable scheduled-sends body", { batch: docsMailBatch, scheduledSends: undefined }],
    ["an unreadable batch validation body", { batch: undefined, scheduledSends: [] }],
    ["nothing", null],
  ])("rejects %s as provider_bad_response", (_name, raw) => {
    expect(thrown(raw).code).toBe("provider_bad_response");
  });
});

describe("normalizeSendGridBatch with the send time the team gave", () => {
  const timed = (scheduledSends: unknown, sendAt: string) =>
    normalizeSendGridBatch({ batch: docsMailBatch, scheduledSends }, { batchId: "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi", now, sendAt });
  const pause = [{ batch_id: "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi", status: "pause" }];

  it("is scheduled before it, with the send time as scheduledAt", () => {
    const snapshot = timed([], "2025-06-01T14:50:00.000Z");
    expect(snapshot).toMatchObject({ state: "scheduled", scheduledAt: "2025-06-01T14:50:00.000Z", completedAt: null });
    expect(snapshot.notes).not.toContain(SEND_TIME_UNKNOWN);
  });

  it("is completed (handed over for delivery) after it with no pause or cancel", () => {
    expect(timed([], "2025-06-01T11:00:00.000Z")).toMatchObject({ state: "completed", completedAt: "2025-06-01T11:00:00.000Z" });
  });

  it("stays paused until 72 h after it, then has failed as expired", () => {
    expect(timed(pause, "2025-05-29T12:00:01.000Z")).toMatchObject({ state: "paused", reason: null });
    expect(timed(pause, "2025-05-29T12:00:00.000Z")).toMatchObject({
      state: "failed",
      providerStatus: "pause",
      reason: EXPIRED_REASON,
      completedAt: "2025-06-01T12:00:00.000Z",
    });
  });

  it("is cancelled whatever the time", () => {
    expect(timed([{ batch_id: "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi", status: "cancel" }], "2025-05-01T00:00:00.000Z").state).toBe("cancelled");
  });
});
