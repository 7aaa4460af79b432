import { describe, expect, it } from "vitest";
import { batchPagePath } from "./batch-page-path";

describe("batchPagePath", () => {
  it("keeps the connection, so the page reads the batch through the same account", () => {
    expect(batchPagePath("mindo", "00000000-0000-4000-8000-000000000002", "conn 1/a")).toBe(
      "/batches/mindo/00000000-0000-4000-8000-000000000002?connection=conn+1%2Fa",
    );
  });

  it("has no query without a connection, and escapes the id", () => {
    expect(batchPagePath("migma", "sim-running")).toBe("/batches/migma/sim-running");
    expect(batchPagePath("bolna", "a b/c", null)).toBe("/batches/bolna/a%20b%2Fc");
  });
});
