import { describe, expect, it } from "vitest";
import { formatEtaRange, formatRate } from "./format-pace";

describe("formatRate", () => {
  it("shows whole items per minute, one decimal when slow, a dash when unknown", () => {
    expect(formatRate(1_240.4)).toBe("1,240/min");
    expect(formatRate(4.46)).toBe("4.5/min");
    expect(formatRate(0)).toBe("0/min");
    expect(formatRate(null)).toBe("—");
    expect(formatRate(-1)).toBe("—");
  });
});

describe("formatEtaRange", () => {
  it("shares the unit when both ends have it", () => {
    expect(formatEtaRange(720, 900)).toBe("about 12–15 min");
    expect(formatEtaRange(20, 45)).toBe("about 20–45 s");
  });

  it("spells both ends when units differ or a compound duration is involved", () => {
    expect(formatEtaRange(40, 130)).toBe("about 40 s–2 min");
    expect(formatEtaRange(3_000, 4_500)).toBe("about 50 min–1 h 15 min");
  });

  it("collapses an exact estimate", () => {
    expect(formatEtaRange(300, 310)).toBe("about 5 min");
  });
});
