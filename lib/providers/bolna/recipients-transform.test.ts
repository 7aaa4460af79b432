import { describe, expect, it } from "vitest";
import { recipientRowSchema } from "@/lib/recipient-row";
import bareArray from "./fixtures/executions-bare-array.json";
import envelope from "./fixtures/executions-envelope.json";
import wrongTypes from "./fixtures/executions-wrong-types.json";
import { callStatusCounts } from "./call-statuses";
import { normalizeBolnaExecutionPage } from "./recipients-transform";

const read = (
  raw: unknown,
  options: {
    page?: number;
    pageSize?: number;
    outcome?: "failure" | "success" | "pending" | "active";
  } = {},
) =>
  normalizeBolnaExecutionPage(raw, {
    page: options.page ?? 1,
    pageSize: options.pageSize ?? 50,
    outcome: options.outcome,
  });

describe("normalizeBolnaExecutionPage", () => {
  it("reads a bare array of calls, keeping transcripts, recordings and extracted data out", () => {
    const page = read(bareArray);
    expect(page.items[0]).toEqual({
      recipient: "+919876500001",
      status: "completed",
      outcome: "success",
      reason: "Call recipient hungup",
      at: "2024-01-21T10:05:11.000Z",
      details: {
        executionId: "c8098ad0-29f6-456d-1234-7b93ad224059",
        durationSeconds: 123,
        hangupBy: "Caller",
        answeredByVoicemail: false,
        retries: 0,
        fromNumber: "+19876543007",
      },
    });
    const text = JSON.stringify(page);
    for (const secret of ["Priya", "X-Amz-Signature", "renewal_intent"])
      expect(text).not.toContain(secret);
  });

  it("takes each call's outcome from the batch counts' table, and survives the docs' type drift", () => {
    const page = read(bareArray);
    expect(
      page.items.map(({ recipient, status, outcome, reason }) => [
        recipient,
        status,
        outcome,
        reason,
      ]),
    ).toEqual([
      ["+919876500001", "completed", "success", "Call recipient hungup"],
      [
        "+919876500002",
        "no-answer",
        callStatusCounts({ "no-answer": 1 })[0]?.outcome,
        "Recipient did not answer",
      ],
      ["+919876500003", "error", "failure", "Telephony provider rejected the number"],
      ["+919876500004", "queued", "pending", null],
      ["+919876500005", "voicemail-detected", "active", null],
    ]);
    // integer execution id, conversation_time instead of conversation_duration, retries as a string
    expect(page.items[1]?.details).toMatchObject({
      executionId: "7432382142914",
      durationSeconds: 0,
      retries: 2,
    });
    // 04:22:89Z is impossible: the row falls back to its creation time
    expect(page.items[2]?.at).toBe("2024-01-21T10:04:00.000Z");
    expect(page.items[4]?.details.durationSeconds).toBe(21);
    expect(page.notes).toEqual(["1 call on this page could not be read and is left out."]);
    expect(page.nextCursor).toBeNull();
  });

  it("filters and pages a bare array itself", () => {
    const first = read(bareArray, { pageSize: 2 });
    expect([first.items.length, first.nextCursor]).toEqual([2, "2"]);
    const third = read(bareArray, { pageSize: 2, page: 3 });
    expect([third.items.map((row) => row.status), third.nextCursor]).toEqual([
      ["voicemail-detected"],
      null,
    ]);
    expect(read(bareArray, { outcome: "pending" }).items.map((row) => row.recipient)).toEqual([
      "+919876500004",
    ]);
  });

  it("reads the paged envelope and follows its has_more", () => {
    const page = read(envelope, { pageSize: 2 });
    expect(page.items.map((row) => [row.status, row.reason])).toEqual([
      ["completed", "Call recipient hungup"],
      ["busy", "Recipient line busy"],
    ]);
    expect(page.nextCursor).toBe("2");
    expect(read({ ...envelope, has_more: false }).nextCursor).toBeNull();
    // without has_more, the total decides: 3 calls > 1 page × 2
    expect(read({ data: envelope.data, total: 3, page_size: 2 }).nextCursor).toBe("2");
  });

  it("filters an envelope page as it comes", () => {
    expect(read(envelope, { outcome: "success" }).items.map((row) => row.status)).toEqual([
      "completed",
    ]);
  });

  it("produces rows the shared schema accepts", () => {
    for (const raw of [bareArray, envelope])
      for (const row of read(raw).items)
        expect(recipientRowSchema.safeParse(row).success).toBe(true);
  });

  it.each([
    ["an envelope whose data is not a list", wrongTypes],
    ["a batch object", { batch_id: "x", status: "executed" }],
    ["nothing", null],
  ])("rejects %s as provider_bad_response", (_name, raw) => {
    expect(() => read(raw)).toThrow(expect.objectContaining({ code: "provider_bad_response" }));
  });
});
