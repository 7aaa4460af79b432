import { describe, expect, it } from "vitest";
import { batchSnapshotSchema } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import completedWithFailures from "./fixtures/completed-with-failures.json";
import dataNull from "./fixtures/data-null.json";
import docsExample from "./fixtures/docs-example.json";
import docsExampleFilledIn from "./fixtures/docs-example-filled-in.json";
import garbageCounter from "./fixtures/garbage-counter.json";
import pendingMinimal from "./fixtures/pending-sdk-minimal.json";
import processingStrings from "./fixtures/processing-strings.json";
import internalError from "./fixtures/success-false-internal.json";
import notFound from "./fixtures/success-false-not-found.json";
import unknownStatus from "./fixtures/unknown-status.json";
import wrongTypes from "./fixtures/wrong-types.json";
import { normalizeMigmaBatch } from "./transform";

const now = new Date("2025-03-01T09:05:00Z");
const normalize = (raw: unknown) => normalizeMigmaBatch(raw, { batchId: "btch_7Hq2", now });

function thrown(raw: unknown): AppError {
  try {
    normalize(raw);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected normalizeMigmaBatch to throw");
}

describe("normalizeMigmaBatch", () => {
  it("reads the docs' example verbatim", () => {
    expect(normalize(docsExample)).toEqual({
      provider: "migma",
      batchId: "btch_7Hq2",
      name: "string",
      state: "queued",
      providerStatus: "queued",
      total: 0,
      processed: 0,
      progress: null,
      counts: [
        { status: "queued", label: "Queued", count: 0, outcome: "pending" },
        { status: "sent", label: "Sent", count: 0, outcome: "success" },
        { status: "failed", label: "Failed", count: 0, outcome: "failure" },
      ],
      funnel: null,
      etaSeconds: null,
      createdAt: "2023-11-07T05:31:56.000Z",
      startedAt: null,
      completedAt: null,
      scheduledAt: null,
      updatedAt: "2023-11-07T05:31:56.000Z",
      fetchedAt: "2025-03-01T09:05:00.000Z",
      stale: false,
      notes: [
        "“Sent” means handed to the sending service; Migma reports no delivery or open counts.",
      ],
      details: {
        subject: "string",
        from: "string",
        fromName: "string",
        sendingProvider: "string",
        recipientType: "audience",
        recipientId: "string",
      },
      // Migma's `error` is its reason for the batch's outcome, shown beside the state.
      reason: "string",
    });
  });

  it("reads the docs' example filled in with real values (what the simulator serves)", () => {
    expect(normalize(docsExampleFilledIn)).toMatchObject({
      name: "Your November picks are here",
      state: "completed",
      providerStatus: "completed",
      total: 1250,
      processed: 1250,
      progress: 1,
      details: { subject: "Your November picks are here", sendingProvider: "ses", recipientId: "aud_7Hq2mXb9LpT4" },
    });
  });

  it("names the batch by its subject on one line, and by nothing when the subject is blank", () => {
    const withSubject = (subject: string | null) => ({
      ...docsExampleFilledIn,
      data: { ...docsExampleFilledIn.data, subject },
    });
    expect(normalize(withSubject("  Winter sale:\n  30% off ")).name).toBe("Winter sale: 30% off");
    expect(normalize(withSubject("   ")).name).toBeNull();
    expect(normalize(withSubject(null)).name).toBeNull();
  });

  it("produces snapshots the shared schema accepts", () => {
    for (const raw of [
      docsExample,
      docsExampleFilledIn,
      pendingMinimal,
      processingStrings,
      completedWithFailures,
      unknownStatus,
    ]) {
      expect(batchSnapshotSchema.safeParse(normalize(raw)).success).toBe(true);
    }
  });

  it("treats the SDK's `pending` like the docs' `queued` and derives a missing queued count", () => {
    const snapshot = normalize(pendingMinimal);
    expect(snapshot.state).toBe("queued");
    expect(snapshot.providerStatus).toBe("pending");
    expect(snapshot.total).toBe(250);
    expect(snapshot.progress).toBe(0);
    expect(snapshot.counts[0]).toEqual({
      status: "queued",
      label: "Queued",
      count: 250,
      outcome: "pending",
    });
    expect(snapshot.updatedAt).toBeNull();
    expect(snapshot.details).not.toHaveProperty("recipientId");
    expect(snapshot.reason).toBeNull();
    expect(snapshot.notes).toContain(
      "Migma did not report a queued count; it is the total minus sent and failed.",
    );
  });

  it("reads numbers sent as strings and normalises timestamp offsets", () => {
    const snapshot = normalize(processingStrings);
    expect(snapshot.state).toBe("running");
    expect(snapshot.total).toBe(250);
    expect(snapshot.processed).toBe(110);
    expect(snapshot.progress).toBeCloseTo(0.44);
    expect(snapshot.counts.map((c) => c.count)).toEqual([140, 100, 10]);
    expect(snapshot.updatedAt).toBe("2025-03-01T08:04:12.500Z");
    expect(snapshot.details.sendingProvider).toBe("sendgrid");
  });

  it("reports a completed batch with failures as partial, with Migma's error as its reason", () => {
    const snapshot = normalize(completedWithFailures);
    expect(snapshot.state).toBe("partial");
    expect(snapshot.providerStatus).toBe("completed");
    expect(snapshot.progress).toBe(1);
    expect(snapshot.updatedAt).toBeNull();
    expect(snapshot.reason).toBe("5 recipients bounced at the provider");
    expect(snapshot.details).not.toHaveProperty("error");
  });

  it("keeps an unknown status verbatim as state unknown", () => {
    const snapshot = normalize(unknownStatus);
    expect(snapshot.state).toBe("unknown");
    expect(snapshot.providerStatus).toBe("throttled");
    expect(snapshot.progress).toBe(0.2);
    expect(snapshot.notes.some((note) => note.includes("“throttled”"))).toBe(true);
  });

  it("counts a finished batch with nothing to send as done", () => {
    const raw = { success: true, data: { ...docsExample.data, status: "completed" } };
    expect(normalize(raw).progress).toBe(1);
  });

  it("turns 200 + success:false into not_found when the code says so", () => {
    const error = thrown(notFound);
    expect(error.code).toBe("not_found");
    expect(error.message).not.toContain("Batch not found");
  });

  it("turns other success:false answers into provider_error without echoing them", () => {
    const error = thrown(internalError);
    expect(error.code).toBe("provider_error");
    expect(error.message).not.toContain("Something went wrong");
  });

  it.each([
    ["data null", dataNull],
    ["data missing", { success: true }],
    ["wrong types", wrongTypes],
    ["an object as a counter", garbageCounter],
    ["no status", { success: true, data: { totalCount: 3 } }],
    ["an array", [docsExample]],
    ["a string", "queued"],
    ["nothing", undefined],
  ])("rejects %s as provider_bad_response", (_name, raw) => {
    expect(thrown(raw).code).toBe("provider_bad_response");
  });
});
