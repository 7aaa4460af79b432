import { describe, expect, it } from "vitest";
import { sendSummarySchema } from "@/lib/send-summary";
import agents from "./fixtures/agents-v2-all.json";
import docsBatchList from "./fixtures/docs-batch-list.json";
import oddItems from "./fixtures/batch-list-odd-items.json";
import { normalizeBolnaAgents, normalizeBolnaBatchList } from "./list-transform";
import { normalizeBolnaBatch } from "./transform";

const now = new Date("2024-01-29T08:35:00Z");

describe("normalizeBolnaAgents", () => {
  it("reads agents from the bare array and skips one without an id", () => {
    expect(normalizeBolnaAgents(agents)).toEqual([
      {
        id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        name: "Renewal reminder",
        status: "processed",
        createdAt: "2024-01-10T09:12:44.123Z",
      },
      {
        id: "9f1e2d3c-4b5a-4968-8776-655443322110",
        name: "Delivery confirmation",
        status: "seeding",
        createdAt: "2024-02-02T11:00:00.000Z",
      },
    ]);
  });

  it("accepts the {data: [...]} envelope Bolna's own tools also read", () => {
    expect(normalizeBolnaAgents({ data: agents })).toHaveLength(2);
  });

  it("rejects a body that is no list", () => {
    expect(() => normalizeBolnaAgents({ agents })).toThrow(
      expect.objectContaining({ code: "provider_bad_response" }),
    );
  });
});

describe("normalizeBolnaBatchList", () => {
  it("reads the docs' batch (04:22:89Z and all) and a second one, newest first", () => {
    const page = normalizeBolnaBatchList(docsBatchList, { now });
    expect(page).toEqual({
      items: [
        {
          provider: "bolna",
          batchId: "3c90c3cc0d444b5088888dd25736052a",
          name: "customers.csv",
          state: "scheduled",
          providerStatus: "scheduled",
          total: 7,
          processed: 1,
          createdAt: "2024-01-23T05:14:37.000Z",
          scheduledAt: "2024-01-29T08:30:00.000Z",
        },
        {
          provider: "bolna",
          batchId: "7b1f0a2e9c3d4e5f8a6b7c8d9e0f1a2b",
          name: "january-renewals.csv",
          state: "completed",
          providerStatus: "executed",
          total: 20,
          processed: 20,
          createdAt: "2024-01-21T10:00:00.000Z",
          scheduledAt: null,
        },
      ],
      nextCursor: null,
      notes: [],
    });
  });

  it("agrees with the batch transform on every item", () => {
    for (const item of docsBatchList) {
      const snapshot = normalizeBolnaBatch(item, { batchId: item.batch_id, now });
      expect(
        normalizeBolnaBatchList(docsBatchList, { now }).items.find(
          (s) => s.batchId === item.batch_id,
        ),
      ).toMatchObject({
        state: snapshot.state,
        total: snapshot.total,
        processed: snapshot.processed,
      });
    }
  });

  it("keeps an unknown `state`, and leaves out items it cannot read with a note", () => {
    const page = normalizeBolnaBatchList(oddItems, { now });
    expect(
      page.items.map(({ batchId, state, providerStatus }) => [batchId, state, providerStatus]),
    ).toEqual([["0d0e0a0d0b0e0e0f0000000000000001", "unknown", "paused_by_ops"]]);
    expect(page.notes).toEqual(["2 batches of this agent could not be read and are left out."]);
  });

  it("filters by state", () => {
    expect(
      normalizeBolnaBatchList(docsBatchList, { now, state: "completed" }).items.map(
        (s) => s.batchId,
      ),
    ).toEqual(["7b1f0a2e9c3d4e5f8a6b7c8d9e0f1a2b"]);
  });

  it("produces summaries the shared schema accepts", () => {
    for (const raw of [docsBatchList, oddItems]) {
      for (const item of normalizeBolnaBatchList(raw, { now }).items)
        expect(sendSummarySchema.safeParse(item).success).toBe(true);
    }
  });
});
