import { describe, expect, it, vi } from "vitest";
import { processSingleton } from "./process-singleton";

describe("processSingleton", () => {
  it("makes the value once and hands every caller the same one", () => {
    let made = 0;
    const create = () => ({ made: ++made });
    const first = processSingleton("test:once", create);
    expect(processSingleton("test:once", create)).toBe(first);
    expect(made).toBe(1);
  });

  it("keeps names apart, and holds across copies of the module, as Next's bundles load it", async () => {
    expect(processSingleton("test:a", () => "a")).toBe("a");
    expect(processSingleton("test:b", () => "b")).toBe("b");
    vi.resetModules();
    const copy = await import("./process-singleton");
    expect(copy.processSingleton).not.toBe(processSingleton);
    expect(copy.processSingleton("test:a", () => "other")).toBe("a");
  });
});
