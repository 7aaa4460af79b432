import { describe, expect, it } from "vitest";
import { batchSnapshotSchema } from "./batch-snapshot";
import { blankSnapshot } from "./testing/blank-snapshot";

describe("batchSnapshotSchema", () => {
  it("reads a snapshot stored before snapshots carried a name, with no name", () => {
    const stored: Record<string, unknown> = { ...blankSnapshot({ name: "Winter sale" }) };
    delete stored.name;
    const parsed = batchSnapshotSchema.safeParse(JSON.parse(JSON.stringify(stored)));
    expect(parsed.success && parsed.data.name).toBeNull();
  });

  it("keeps the provider's name when there is one", () => {
    const parsed = batchSnapshotSchema.parse(blankSnapshot({ name: "Winter sale" }));
    expect(parsed.name).toBe("Winter sale");
  });
});
