import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { sendSummarySchema } from "@/lib/send-summary";
import docsList from "./fixtures/docs-bulk-send-list.json";
import foreignNext from "./fixtures/bulk-send-list-foreign-next.json";
import oddItems from "./fixtures/bulk-send-list-odd-items.json";
import { normalizeMindoBulkSendPage } from "./list-transform";
import { MINDO_STATUS_FILTER } from "./operations";
import { normalizeMindoBulkSend } from "./transform";

const now = new Date("2025-11-21T12:00:00Z");
const page = (raw: unknown, options: { page?: number; pageSize?: number } = {}) =>
  normalizeMindoBulkSendPage(raw, {
    page: options.page ?? 1,
    pageSize: options.pageSize ?? 20,
    now,
  });

describe("normalizeMindoBulkSendPage", () => {
  it("reads the docs' list example into summaries, with no next page", () => {
    expect(page(docsList)).toEqual({
      items: [
        {
          provider: "mindo",
          batchId: "a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c",
          name: "welcome_message",
          state: "completed",
          providerStatus: "COMPLETED",
          total: 3,
          processed: 3,
          createdAt: "2025-11-16T21:30:00.000Z",
          scheduledAt: null,
        },
        {
          provider: "mindo",
          batchId: "b4c3d9e0-5f6a-7b8c-9d0e-1f2a3b4c5d6e",
          name: "order_confirmation",
          state: "completed",
          providerStatus: "COMPLETED",
          total: 150,
          processed: 150,
          createdAt: "2025-11-15T14:00:00.000Z",
          scheduledAt: null,
        },
      ],
      nextCursor: null,
      notes: [],
    });
  });

  it("agrees with the batch transform on every item", () => {
    for (const item of docsList.results) {
      const snapshot = normalizeMindoBulkSend(item, { batchId: item.id, now });
      const summary = page(docsList).items.find((candidate) => candidate.batchId === item.id);
      expect(summary).toMatchObject({
        state: snapshot.state,
        total: snapshot.total,
        processed: snapshot.processed,
      });
    }
  });

  it("computes the next page itself and never hands on the absolute `next` URL", () => {
    const result = page(foreignNext, { page: 2 });
    expect(result.nextCursor).toBe("3");
    expect(JSON.stringify(result)).not.toContain("collector.example.net");
    expect(result.items[0]).toMatchObject({ state: "running", processed: 612, total: 1500 });
  });

  it("keeps unknown statuses, reads numbers as strings and leaves out what it cannot read, with a note", () => {
    const result = page(oddItems, { pageSize: 2 });
    expect(
      result.items.map(({ batchId, state, providerStatus }) => [batchId, state, providerStatus]),
    ).toEqual([
      ["d6e5f1a2-7b8c-4d9e-8f1a-3b4c5d6e7f80", "unknown", "ON_HOLD"],
      ["f8a7b3c4-9d0e-4f1a-8b3c-5d6e7f809102", "queued", "queued"],
    ]);
    expect(result.items[0]).toMatchObject({ name: "payment_reminder", total: 80, processed: 21 });
    // a template that is a string, not the documented object, only costs the name
    expect(result.items[1]?.name).toBeNull();
    expect(result.notes).toEqual(["2 bulk sends on this page could not be read and are left out."]);
    // `next` missing: the count (5 > 1 × 2) says there is more
    expect(result.nextCursor).toBe("2");
  });

  it("filters by state after reading, so a server that ignores the filter is still honest", () => {
    const result = normalizeMindoBulkSendPage(oddItems, {
      page: 1,
      pageSize: 20,
      now,
      state: "queued",
    });
    expect(result.items.map((item) => item.state)).toEqual(["queued"]);
  });

  it("produces summaries the shared schema accepts", () => {
    for (const raw of [docsList, foreignNext, oddItems]) {
      for (const item of page(raw).items)
        expect(sendSummarySchema.safeParse(item).success).toBe(true);
    }
  });

  it.each([
    ["results that are not a list", { count: 1, next: null, results: "many" }],
    ["no results", { count: 0, next: null }],
    ["an array instead of a page", docsList.results],
  ])("rejects %s as provider_bad_response", (_name, raw) => {
    expect(() => page(raw)).toThrow(AppError);
    expect(() => page(raw)).toThrow(expect.objectContaining({ code: "provider_bad_response" }));
  });
});

describe("the list's status filter", () => {
  it.each(Object.entries(MINDO_STATUS_FILTER))(
    "sends %s as a status the batch transform reads back as that state",
    (state, status) => {
      const snapshot = normalizeMindoBulkSend(
        { ...docsList.results[0], status },
        { batchId: "x", now },
      );
      expect(snapshot.state).toBe(state);
    },
  );
});
