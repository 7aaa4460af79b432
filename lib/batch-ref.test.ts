import { describe, expect, it } from "vitest";
import { parseBatchRequest } from "./batch-ref";

describe("parseBatchRequest", () => {
  it("rejects unknown providers and ids that are not valid for the provider", () => {
    expect(() => parseBatchRequest({ provider: "mailchimp", batchId: "x" })).toThrow(
      expect.objectContaining({ code: "invalid_provider" }),
    );
    expect(() => parseBatchRequest({ provider: "bolna", batchId: "../user/me" })).toThrow(
      expect.objectContaining({ code: "invalid_batch_id" }),
    );
    expect(parseBatchRequest({ provider: "sendgrid", batchId: "abc-123" })).toEqual({
      provider: "sendgrid",
      batchId: "abc-123",
    });
  });
});
