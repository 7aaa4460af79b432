import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDateTime,
  formatMoment,
  formatDuration,
  formatPercent,
  formatShare,
  formatRelativeTime,
  parseTimestamp,
  shareOf,
  toWholePercent,
} from "./format";

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(1234567)).toBe("1,234,567");
  });

  it("shows a dash for missing or impossible values", () => {
    expect(formatCount(null)).toBe("—");
    expect(formatCount(undefined)).toBe("—");
    expect(formatCount(Number.NaN)).toBe("—");
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("toWholePercent / formatPercent", () => {
  it("rounds down so an unfinished batch never shows 100%", () => {
    expect(toWholePercent(0.996)).toBe(99);
    expect(toWholePercent(0.999999)).toBe(99);
    expect(toWholePercent(1)).toBe(100);
    expect(formatPercent(0.42)).toBe("42%");
  });

  it("survives floating-point noise on exact steps", () => {
    expect(toWholePercent(0.29)).toBe(29);
    expect(toWholePercent(0.57)).toBe(57);
  });

  it("clamps out-of-range ratios", () => {
    expect(toWholePercent(-0.2)).toBe(0);
    expect(toWholePercent(1.7)).toBe(100);
  });

  it("has no value when progress is unknown", () => {
    expect(toWholePercent(null)).toBeNull();
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(Number.NaN)).toBe("—");
  });
});

describe("formatShare", () => {
  it("never rounds a real part down to nothing", () => {
    expect(formatShare(4 / 2400)).toBe("<1%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(0.5)).toBe("50%");
    expect(formatShare(null)).toBe("—");
  });

  it("shows a part larger than the reported whole as it is", () => {
    expect(formatShare(15 / 7)).toBe("214%");
  });
});

describe("shareOf", () => {
  it("is the ratio of count to a known total", () => {
    expect(shareOf(25, 100)).toBe(0.25);
  });

  it("is null without a usable total", () => {
    expect(shareOf(5, null)).toBeNull();
    expect(shareOf(5, 0)).toBeNull();
  });
});

describe("formatDuration", () => {
  it("uses the largest sensible units", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(59.6)).toBe("1 min");
    expect(formatDuration(12 * 60 + 30)).toBe("12 min");
    expect(formatDuration(2 * 3600)).toBe("2 h");
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe("3 d 4 h");
    expect(formatDuration(86400)).toBe("1 d");
  });

  it("shows a dash for unknown or negative durations", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-5)).toBe("—");
  });
});

describe("formatRelativeTime", () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);

  it("says just now within a second either way", () => {
    expect(formatRelativeTime(now, now)).toBe("just now");
    expect(formatRelativeTime(now - 999, now)).toBe("just now");
    expect(formatRelativeTime(now + 500, now)).toBe("just now");
  });

  it("describes the past in one unit, rounded down", () => {
    expect(formatRelativeTime(now - 5_400, now)).toBe("5 s ago");
    expect(formatRelativeTime(now - 3 * 60_000 - 59_000, now)).toBe("3 min ago");
    expect(formatRelativeTime(now - 2 * 3_600_000, now)).toBe("2 h ago");
    expect(formatRelativeTime(now - 3 * 86_400_000, now)).toBe("3 d ago");
  });

  it("describes the future", () => {
    expect(formatRelativeTime(now + 90_000, now)).toBe("in 1 min");
    expect(formatRelativeTime(now + 5 * 3_600_000, now)).toBe("in 5 h");
  });
});

describe("parseTimestamp / formatDateTime", () => {
  it("parses ISO timestamps and rejects junk", () => {
    expect(parseTimestamp("2026-11-23T12:00:00.000Z")).toBe(Date.UTC(2026, 10, 23, 12));
    expect(parseTimestamp("not a date")).toBeNull();
    expect(parseTimestamp(null)).toBeNull();
    expect(parseTimestamp("")).toBeNull();
  });

  it("formats in the given locale and time zone", () => {
    const text = formatDateTime("2026-11-23T12:34:56.000Z", { locale: "en-US", timeZone: "UTC" });
    expect(text).toContain("Nov 23, 2026");
    expect(text).toContain("12:34:56");
  });

  it("shows a dash for missing timestamps", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("garbage")).toBe("—");
  });
});

describe("formatMoment", () => {
  const options = { locale: "en-GB", timeZone: "UTC" };
  const now = Date.parse("2026-03-02T14:27:00Z");
  it("says only the time on the same day, and the date on another", () => {
    expect(formatMoment(Date.parse("2026-03-02T14:50:00Z"), now, options)).toBe("14:50");
    expect(formatMoment(Date.parse("2026-03-04T09:05:00Z"), now, options)).toBe("4 Mar 2026, 09:05");
  });
});
