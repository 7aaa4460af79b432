import { describe, expect, it } from "vitest";
import { batchSnapshotSchema } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import docsCompleted from "./fixtures/docs-completed.json";
import docsInProgress from "./fixtures/docs-in-progress.json";
import noStatus from "./fixtures/no-status.json";
import partial from "./fixtures/partial.json";
import processingStrings from "./fixtures/processing-strings.json";
import queuedMinimal from "./fixtures/queued-lowercase-minimal.json";
import unknownStatus from "./fixtures/unknown-status.json";
import wrongTypes from "./fixtures/wrong-types.json";
import { normalizeMindoBulkSend } from "./transform";

const BATCH_ID = "a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c";
const now = new Date("2025-11-16T21:31:00Z");
const normalize = (raw: unknown) => normalizeMindoBulkSend(raw, { batchId: BATCH_ID, now });
const FUNNEL_NOTE =
  "Sent, delivered and read are a funnel: a read message also counts as delivered and sent.";
const LATE_NOTE =
  "Delivered and read counts keep rising after sending ends, as WhatsApp reports them.";

function thrown(raw: unknown): AppError {
  try {
    normalize(raw);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected normalizeMindoBulkSend to throw");
}

describe("normalizeMindoBulkSend", () => {
  it("reads the docs' completed example verbatim", () => {
    expect(normalize(docsCompleted)).toEqual({
      provider: "mindo",
      batchId: BATCH_ID,
      name: "welcome_message",
      state: "completed",
      providerStatus: "COMPLETED",
      total: 3,
      processed: 3,
      progress: 1,
      counts: [
        { status: "pending", label: "Pending", count: 0, outcome: "pending" },
        // Exclusive buckets say what they hold, so they never contradict the funnel's "Sent 3".
        { status: "sent", label: "Sent, not yet delivered", count: 1, outcome: "success" },
        { status: "delivered", label: "Delivered, not read", count: 1, outcome: "success" },
        { status: "read", label: "Read", count: 1, outcome: "success" },
        { status: "failed", label: "Failed", count: 0, outcome: "failure" },
      ],
      funnel: [
        { status: "sent", label: "Sent", count: 3 },
        { status: "delivered", label: "Delivered", count: 2 },
        { status: "read", label: "Read", count: 1 },
      ],
      etaSeconds: null,
      createdAt: "2025-11-16T21:30:00.000Z",
      startedAt: "2025-11-16T21:30:05.000Z",
      completedAt: "2025-11-16T21:30:28.000Z",
      scheduledAt: null,
      updatedAt: null,
      fetchedAt: "2025-11-16T21:31:00.000Z",
      stale: false,
      notes: [FUNNEL_NOTE, LATE_NOTE],
      details: {
        template: "welcome_message",
        templateLanguage: "es",
        templateStatus: "APPROVED",
        senderNumber: "+54 9 223 675-0780",
        senderName: "Mindo Software",
        createdBy: "John Doe (user@example.com)",
      },
      reason: null,
    });
  });

  it("reads the docs' in-progress example verbatim", () => {
    const snapshot = normalize(docsInProgress);
    expect(snapshot.state).toBe("running");
    expect(snapshot.providerStatus).toBe("PROCESSING");
    expect(snapshot.total).toBe(100);
    expect(snapshot.processed).toBe(47);
    expect(snapshot.progress).toBe(0.47);
    expect(snapshot.counts.map(({ status, count }) => [status, count])).toEqual([
      ["pending", 53],
      ["sent", 15],
      ["delivered", 20],
      ["read", 10],
      ["failed", 2],
    ]);
    // the exclusive buckets partition the total in the docs' example
    expect(snapshot.counts.reduce((sum, c) => sum + c.count, 0)).toBe(100);
    expect(snapshot.funnel?.map((stage) => stage.count)).toEqual([45, 30, 10]);
    expect(snapshot.etaSeconds).toBe(360);
    expect(snapshot.completedAt).toBeNull();
    expect(snapshot.notes).toEqual([FUNNEL_NOTE]);
  });

  it("produces snapshots the shared schema accepts", () => {
    for (const raw of [
      docsCompleted,
      docsInProgress,
      queuedMinimal,
      processingStrings,
      partial,
      unknownStatus,
    ]) {
      expect(batchSnapshotSchema.safeParse(normalize(raw)).success).toBe(true);
    }
  });

  it("matches the status without case and survives a list-style payload with fields missing", () => {
    const snapshot = normalize(queuedMinimal);
    expect(snapshot.state).toBe("queued");
    expect(snapshot.providerStatus).toBe("queued");
    expect(snapshot.counts[0]).toEqual({
      status: "pending",
      label: "Pending",
      count: 40,
      outcome: "pending",
    });
    expect(snapshot.progress).toBe(0);
    expect(snapshot.etaSeconds).toBeNull();
    expect(snapshot.startedAt).toBeNull();
    expect(snapshot.details).not.toHaveProperty("createdBy");
  });

  it("reads numbers as strings, clamps a funnel that goes backwards and skips a non-object sender", () => {
    const snapshot = normalize(processingStrings);
    expect(snapshot.state).toBe("running");
    expect(snapshot.total).toBe(100);
    expect(snapshot.processed).toBe(47);
    // delivered (50) > sent (45) upstream: "sent but not delivered" is clamped at 0
    expect(snapshot.counts.find((c) => c.status === "sent")?.count).toBe(0);
    expect(snapshot.counts.find((c) => c.status === "delivered")?.count).toBe(40);
    expect(snapshot.funnel?.map((stage) => stage.count)).toEqual([45, 50, 10]);
    expect(snapshot.etaSeconds).toBe(150);
    expect(snapshot.startedAt).toBe("2025-11-16T21:30:05.000Z");
    expect(snapshot.details).toEqual({
      template: "welcome_message",
      templateLanguage: "pt_BR",
      templateStatus: "APPROVED",
      createdBy: "user@example.com",
    });
  });

  it("maps PARTIAL to partial with its failures", () => {
    const snapshot = normalize(partial);
    expect(snapshot.state).toBe("partial");
    expect(snapshot.progress).toBe(1);
    expect(snapshot.etaSeconds).toBeNull();
    expect(snapshot.counts.find((c) => c.status === "failed")).toEqual({
      status: "failed",
      label: "Failed",
      count: 10,
      outcome: "failure",
    });
  });

  it.each([
    ["CANCELLED", "cancelled"],
    ["failed", "failed"],
    ["Completed", "completed"],
  ])("maps %s to %s", (status, state) => {
    expect(normalize({ ...docsCompleted, status }).state).toBe(state);
  });

  it("keeps an unknown status verbatim, still shows the ETA and nulls an impossible date", () => {
    const snapshot = normalize(unknownStatus);
    expect(snapshot.state).toBe("unknown");
    expect(snapshot.providerStatus).toBe("ON_HOLD");
    expect(snapshot.etaSeconds).toBe(90);
    expect(snapshot.startedAt).toBeNull(); // 2025-11-31 does not exist
    expect(snapshot.notes.some((note) => note.includes("“ON_HOLD”"))).toBe(true);
  });

  it.each([
    ["wrong types", wrongTypes],
    ["no status", noStatus],
    ["a counter that is not a number", { ...docsCompleted, sent_count: "three" }],
    ["an array", [docsCompleted]],
    ["null", null],
  ])("rejects %s as provider_bad_response", (_name, raw) => {
    expect(thrown(raw).code).toBe("provider_bad_response");
  });
});
