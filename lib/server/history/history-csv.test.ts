import { describe, expect, it } from "vitest";
import { csvField, formatHistoryCsv } from "./history-csv";
import { snapshotAt } from "./test-support";

describe("csvField", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField(-3)).toBe("-3");
  });
});

describe("formatHistoryCsv", () => {
  it("writes the fixed columns and one column per count status, in first-seen order", () => {
    const first = snapshotAt(0, { processed: 0, providerStatus: 'IN_PROGRESS, "fast"' });
    const second = snapshotAt(60, { processed: 250 });
    second.counts = [
      ...second.counts,
      { status: "state", label: "Odd", count: 7, outcome: "failure" },
    ];
    const csv = formatHistoryCsv([
      {
        fetchedAt: first.fetchedAt,
        state: first.state,
        processed: 0,
        total: 1_000,
        snapshot: first,
      },
      {
        fetchedAt: second.fetchedAt,
        state: second.state,
        processed: 250,
        total: 1_000,
        snapshot: second,
      },
      {
        fetchedAt: "2026-03-01T12:02:00.000Z",
        state: "running",
        processed: 300,
        total: null,
        snapshot: null,
      },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "fetched_at,state,provider_status,processed,total,progress,pending,sent,state_count",
      '2026-03-01T12:00:00.000Z,running,"IN_PROGRESS, ""fast""",0,1000,0,1000,0,',
      "2026-03-01T12:01:00.000Z,running,IN_PROGRESS,250,1000,0.25,750,250,7",
      "2026-03-01T12:02:00.000Z,running,,300,,,,,",
      "",
    ]);
  });

  it("is a header alone for a batch without history", () => {
    expect(formatHistoryCsv([])).toBe(
      "fetched_at,state,provider_status,processed,total,progress\r\n",
    );
  });
});
