import { describe, expect, it } from "vitest";
import { addWatchedBatchSchema } from "./watched-batch";
import { boardNameSchema } from "./board";

describe("names and labels", () => {
  it("refuse control characters, which PostgreSQL cannot store and no screen should show", () => {
    expect(boardNameSchema.safeParse("Launch \u0000 week").success).toBe(false);
    expect(boardNameSchema.safeParse("Launch\nweek").success).toBe(false);
    expect(addWatchedBatchSchema.safeParse({ provider: "migma", batchId: "b1", label: "a\u0007b" }).success).toBe(false);
  });

  it("accept ordinary text, accents and emoji", () => {
    expect(boardNameSchema.safeParse("Black Friday — São Paulo 🚀").success).toBe(true);
    expect(addWatchedBatchSchema.safeParse({ provider: "migma", batchId: "b1", label: "Relance n°2" }).success).toBe(true);
  });
});
