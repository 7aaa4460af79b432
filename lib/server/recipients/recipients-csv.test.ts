import { describe, expect, it } from "vitest";
import type { RecipientRow } from "@/lib/recipient-row";
import { formatRecipientsCsv } from "./recipients-csv";

const base: RecipientRow = { recipient: "jane@example.com", status: "bounce", outcome: "failure", reason: null, at: "2026-12-01T10:00:00.000Z", details: {} };

describe("formatRecipientsCsv", () => {
  it("masks recipients and the contacts inside reasons and details", () => {
    const csv = formatRecipientsCsv([
      { ...base, reason: "550 jane@example.com unknown", details: { forwardedTo: "+34612345612", attempts: 2, voicemail: false } },
    ]);
    expect(csv).toBe(
      "recipient,outcome,status,reason,at,forwardedTo,attempts,voicemail\r\n" +
        "j•••@example.com,failure,bounce,550 j•••@example.com unknown,2026-12-01T10:00:00.000Z,'+34 6•• ••• •12,2,false\r\n",
    );
  });

  it("makes every provider text a spreadsheet would run inert, and quotes what needs quoting", () => {
    const csv = formatRecipientsCsv([
      { ...base, status: "=HYPERLINK(\"http://x\")", reason: "@SUM(A1)", details: { note: "-2+3", tags: ["a,b", "c"] } },
    ]);
    const line = csv.split("\r\n")[1]!;
    expect(line).toBe(`j•••@example.com,failure,"'=HYPERLINK(""http://x"")",'@SUM(A1),2026-12-01T10:00:00.000Z,'-2+3,"a,b; c"`);
  });

  it("names a detail that clashes with a fixed column apart, and leaves a missing one empty", () => {
    const csv = formatRecipientsCsv([{ ...base, details: { status: "x" } }, base]);
    expect(csv.split("\r\n").slice(0, 3)).toEqual([
      "recipient,outcome,status,reason,at,status_detail",
      "j•••@example.com,failure,bounce,,2026-12-01T10:00:00.000Z,x",
      "j•••@example.com,failure,bounce,,2026-12-01T10:00:00.000Z,",
    ]);
  });
});
