import { describe, expect, it } from "vitest";
import type { RecipientRow } from "@/lib/recipient-row";
import { groupReasons, NO_REASON, recipientMatcher } from "./recipient-filters";

const row = (recipient: string, outcome: RecipientRow["outcome"], reason: string | null): RecipientRow => ({ recipient, status: outcome, outcome, reason, at: null, details: {} });

describe("groupReasons", () => {
  it("counts the rows that did not succeed by reason, most first, and names a missing reason", () => {
    const rows = [row("+1", "failure", "busy"), row("+2", "unreached", "no-answer"), row("+3", "failure", "busy"), row("+4", "success", null), row("+5", "failure", " ")];
    expect(groupReasons(rows)).toEqual({
      rows: 4,
      reasons: [
        { reason: "busy", count: 2 },
        { reason: NO_REASON, count: 1 },
        { reason: "no-answer", count: 1 },
      ],
    });
  });
});

describe("recipientMatcher", () => {
  it("finds a number however it is spaced, and text in the reason or status", () => {
    const rows = [row("+34612345612", "failure", "Rate limit hit"), row("+447700900123", "success", null)];
    const found = (q: string) => rows.filter(recipientMatcher(q)).map((r) => r.recipient);
    expect(found("+34 612 345")).toEqual(["+34612345612"]);
    expect(found("rate LIMIT")).toEqual(["+34612345612"]);
    expect(found("success")).toEqual(["+447700900123"]);
    expect(found("  ")).toHaveLength(2);
    expect(found("12")).toEqual(["+34612345612", "+447700900123"]);
  });
});
