import { describe, expect, it } from "vitest";
import { batchSnapshotSchema } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import docsExample from "./fixtures/docs-example.json";
import executedRunning from "./fixtures/executed-running.json";
import finishedStrings from "./fixtures/executed-finished-strings.json";
import noStatus from "./fixtures/no-status.json";
import stateStopped from "./fixtures/state-stopped-minimal.json";
import unknownStatus from "./fixtures/unknown-status.json";
import wrongTypes from "./fixtures/wrong-types.json";
import { normalizeBolnaBatch } from "./transform";

const BATCH_ID = "3c90c3cc0d444b5088888dd25736052a";
const now = new Date("2024-01-29T08:35:00Z");
const normalize = (raw: unknown) => normalizeBolnaBatch(raw, { batchId: BATCH_ID, now });

function thrown(raw: unknown): AppError {
  try {
    normalize(raw);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected normalizeBolnaBatch to throw");
}

describe("normalizeBolnaBatch", () => {
  it("reads the docs' example verbatim, including its impossible 04:22:89Z timestamp", () => {
    expect(normalize(docsExample)).toEqual({
      provider: "bolna",
      batchId: BATCH_ID,
      name: "customers.csv",
      state: "scheduled",
      providerStatus: "scheduled",
      total: 7,
      processed: 1,
      progress: 1 / 7,
      counts: [
        { status: "ringing", label: "Ringing", count: 10, outcome: "active" },
        { status: "in-progress", label: "In progress", count: 15, outcome: "active" },
        { status: "completed", label: "Completed", count: 1, outcome: "success" },
      ],
      funnel: null,
      etaSeconds: null,
      createdAt: "2024-01-23T05:14:37.000Z",
      startedAt: null,
      completedAt: null,
      scheduledAt: "2024-01-29T08:30:00.000Z",
      updatedAt: null,
      fetchedAt: "2024-01-29T08:35:00.000Z",
      stale: false,
      notes: [
        "4 invalid contacts were rejected from the CSV and are not counted.",
        "Bolna reports 26 calls for 7 valid contacts, so the call counts do not add up to the contacts.",
      ],
      details: {
        fileName: "customers.csv",
        fromPhoneNumbers: ["+19876543007"],
        totalContacts: 11,
        invalidContacts: 4,
      },
      reason: null,
    });
  });

  it("produces snapshots the shared schema accepts", () => {
    for (const raw of [
      docsExample,
      executedRunning,
      finishedStrings,
      stateStopped,
      unknownStatus,
    ]) {
      expect(batchSnapshotSchema.safeParse(normalize(raw)).success).toBe(true);
    }
  });

  it("orders one bucket per call status pending → active → success → unreached → failure, unknown ones as active", () => {
    const snapshot = normalize(executedRunning);
    expect(snapshot.counts).toEqual([
      { status: "queued", label: "Queued", count: 5, outcome: "pending" },
      { status: "in-progress", label: "In progress", count: 3, outcome: "active" },
      { status: "call-disconnected", label: "Call disconnected", count: 2, outcome: "active" },
      { status: "voicemail-detected", label: "Voicemail detected", count: 1, outcome: "active" },
      { status: "completed", label: "Completed", count: 6, outcome: "success" },
      // Nobody picked up: not a failure.
      { status: "busy", label: "Busy", count: 1, outcome: "unreached" },
      { status: "no-answer", label: "No answer", count: 2, outcome: "unreached" },
    ]);
    expect(snapshot.processed).toBe(9);
    expect(snapshot.progress).toBe(9 / 20);
  });

  it("reads `executed` without case and with calls still open as running", () => {
    const snapshot = normalize(executedRunning);
    expect(snapshot.state).toBe("running");
    expect(snapshot.providerStatus).toBe("Executed");
    expect(snapshot.scheduledAt).toBe("2025-06-02T10:00:00.000Z");
    // Calling began at the scheduled time: the average throughput is measured from it.
    expect(snapshot.startedAt).toBe("2025-06-02T10:00:00.000Z");
    expect(snapshot.details.fromPhoneNumbers).toEqual(["+19876543007", "+19876543008"]);
    expect(snapshot.notes).toContain(
      "1 invalid contact was rejected from the CSV and is not counted.",
    );
    expect(snapshot.notes.some((note) => note.includes("Call disconnected"))).toBe(true);
  });

  it("calls an executed batch with only final calls completed, reading numbers sent as strings", () => {
    const snapshot = normalize(finishedStrings);
    expect(snapshot.state).toBe("completed");
    expect(snapshot.total).toBe(10);
    expect(snapshot.processed).toBe(10);
    expect(snapshot.progress).toBe(1);
    expect(snapshot.counts.map((c) => [c.status, c.count, c.outcome])).toEqual([
      ["completed", 7, "success"],
      ["balance-low", 2, "failure"],
      ["failed", 1, "failure"],
    ]);
    expect(snapshot.details.invalidContacts).toBe(0);
    expect(snapshot.notes).toEqual([]);
  });

  it("reads `state` when `status` is absent and maps stopped to cancelled", () => {
    const snapshot = normalize(stateStopped);
    expect(snapshot.state).toBe("cancelled");
    expect(snapshot.providerStatus).toBe("stopped");
    expect(snapshot.progress).toBe(1);
    expect(snapshot.createdAt).toBeNull();
    expect(snapshot.details).toEqual({});
  });

  it.each([
    ["created", "queued"],
    ["queued", "queued"],
    ["completed", "completed"],
    ["failed", "failed"],
    ["canceled", "cancelled"],
    ["CANCELLED", "cancelled"],
  ])("maps batch status %s to %s", (status, state) => {
    expect(normalize({ ...docsExample, status }).state).toBe(state);
  });

  it("keeps an unknown batch status verbatim and tolerates a null execution_status", () => {
    const snapshot = normalize(unknownStatus);
    expect(snapshot.state).toBe("unknown");
    expect(snapshot.providerStatus).toBe("archived");
    expect(snapshot.counts).toEqual([]);
    expect(snapshot.processed).toBe(0);
    expect(snapshot.progress).toBe(0);
  });

  it.each([
    ["wrong types", wrongTypes],
    ["neither status nor state", noStatus],
    [
      "a call count that is not a number",
      { ...docsExample, execution_status: { completed: "one" } },
    ],
    ["execution_status as a string", { ...docsExample, execution_status: "completed" }],
    ["an array", [docsExample]],
  ])("rejects %s as provider_bad_response", (_name, raw) => {
    expect(thrown(raw).code).toBe("provider_bad_response");
  });
});
