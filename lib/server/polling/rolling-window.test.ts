import { describe, expect, it } from "vitest";
import { createRollingWindow } from "./rolling-window";

describe("rolling window", () => {
  it("allows calls up to the limit, then the next one exactly when the oldest leaves the window", () => {
    const window = createRollingWindow();
    for (const at of [0, 1_000, 2_000]) {
      expect(window.availableAt(at, 1, 3)).toBe(at);
      window.record(at, 1);
    }
    expect(window.availableAt(2_500, 1, 3)).toBe(60_000);
    expect(window.availableAt(2_500, 2, 3)).toBe(61_000);
    expect(window.availableAt(60_000, 1, 3)).toBe(60_000);
  });

  it("weighs multi-request polls by their cost", () => {
    const window = createRollingWindow();
    window.record(0, 2);
    window.record(10_000, 2);
    expect(window.availableAt(20_000, 2, 5)).toBe(60_000);
    expect(window.availableAt(20_000, 1, 5)).toBe(20_000);
  });

  it("follows a lowered limit at once and empties after a minute", () => {
    const window = createRollingWindow();
    [0, 1, 2, 3].forEach((at) => window.record(at, 1));
    expect(window.availableAt(10, 1, 2)).toBe(60_002);
    expect(window.isEmpty(60_002)).toBe(false);
    expect(window.isEmpty(60_003)).toBe(true);
  });
});
