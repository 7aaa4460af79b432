import { describe, expect, it } from "vitest";
import { sendSummarySchema } from "@/lib/send-summary";
import docsList from "./fixtures/docs-scheduled-sends-list.json";
import docsPerBatch from "./fixtures/docs-scheduled-send.json";
import mixed from "./fixtures/scheduled-sends-list-mixed.json";
import { heldStatusOf, normalizeSendGridScheduledSendList, ONLY_HELD_NOTE } from "./list-transform";

const now = new Date("2025-06-01T12:00:00Z");
const summary = (batchId: string, state: string, providerStatus: string) => ({
  provider: "sendgrid",
  batchId,
  name: null,
  state,
  providerStatus,
  total: null,
  processed: 0,
  createdAt: null,
  scheduledAt: null,
});

describe("normalizeSendGridScheduledSendList", () => {
  it("reads the docs' list example, saying what SendGrid does not list", () => {
    expect(normalizeSendGridScheduledSendList(docsList, { now })).toEqual({
      items: [
        summary("QzZmYzLTVWIwYgYzJlM2NhNWI", "cancelled", "cancel"),
        summary("mQzZmYzLTVlM2NhNWIwYgYzJl", "cancelled", "cancel"),
      ],
      nextCursor: null,
      notes: [ONLY_HELD_NOTE],
    });
  });

  it("gives an id with a pause and a cancel one line, cancelled; keeps an unknown status; skips what it cannot read", () => {
    const page = normalizeSendGridScheduledSendList(mixed, { now });
    expect(page.items).toEqual([
      summary("HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi", "cancelled", "cancel"),
      summary("IbLdyLYULb7Rj8GKSx7u025ouWVlAiMg", "paused", "pause"),
      summary("QzZmYzLTVWIwYgYzJlM2NhNWI", "unknown", "expire"),
    ]);
    expect(page.notes).toEqual([
      ONLY_HELD_NOTE,
      "2 scheduled-send entries could not be read and are left out.",
    ]);
  });

  it("filters by state", () => {
    expect(
      normalizeSendGridScheduledSendList(mixed, { now, state: "paused" }).items.map(
        (s) => s.batchId,
      ),
    ).toEqual(["IbLdyLYULb7Rj8GKSx7u025ouWVlAiMg"]);
  });

  it("produces summaries the shared schema accepts, and rejects a body that is no list", () => {
    for (const item of normalizeSendGridScheduledSendList(mixed, { now }).items)
      expect(sendSummarySchema.safeParse(item).success).toBe(true);
    expect(() => normalizeSendGridScheduledSendList({ batch_id: "x" }, { now })).toThrow(
      expect.objectContaining({ code: "provider_bad_response" }),
    );
  });
});

describe("heldStatusOf", () => {
  it("reads one batch's entry out of the docs' per-batch array, as the batch page does", () => {
    expect(heldStatusOf(docsPerBatch, "IbLdyLYULb7Rj8GKSx7u025ouWVlAiMg", now)).toBe("pause");
    expect(heldStatusOf(docsPerBatch, "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi", now)).toBe("cancel");
    expect(heldStatusOf([], "x", now)).toBeNull();
  });
});
