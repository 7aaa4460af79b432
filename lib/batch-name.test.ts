import { describe, expect, it } from "vitest";
import { batchDisplayName, namedOtherThanId } from "./batch-name";

describe("batchDisplayName", () => {
  const batch = { batchId: "00000000000000000000000000000002", label: null };

  it("prefers the team's label, then the provider's name, then the id", () => {
    expect(batchDisplayName({ ...batch, label: "Callbacks" }, { name: "winter.csv" })).toBe(
      "Callbacks",
    );
    expect(batchDisplayName(batch, { name: "winter.csv" })).toBe("winter.csv");
    expect(batchDisplayName(batch, { name: null })).toBe(batch.batchId);
    expect(batchDisplayName(batch)).toBe(batch.batchId);
  });

  it("says when the id must be shown beside the name", () => {
    expect(namedOtherThanId(batch, { name: "winter.csv" })).toBe(true);
    expect(namedOtherThanId(batch, undefined)).toBe(false);
  });
});
