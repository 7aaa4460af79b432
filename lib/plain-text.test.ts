import { describe, expect, it } from "vitest";
import { addWatchedBatchSchema } from "./watched-batch";
import { boardNameSchema } from "./board";
import { isPlainText } from "./plain-text";

describe("names and labels", () => {
  it("refuse control characters, which PostgreSQL cannot store and no screen should show", () => {
    expect(boardNameSchema.safeParse("Launch \u0000 week").success).toBe(false);
    expect(boardNameSchema.safeParse("Launch\nweek").success).toBe(false);
    expect(addWatchedBatchSchema.safeParse({ provider: "migma", batchId: "b1", label: "a\u0007b" }).success).toBe(false);
  });

  it.each([
    ["a right-to-left override", "invoice\u202Egnp.exe"],
    ["a left-to-right embedding", "a\u202Ab"],
    ["a pop directional formatting", "a\u202Cb"],
    ["a right-to-left isolate", "a\u2067b\u2069"],
    ["a first-strong isolate", "a\u2068b"],
    ["a right-to-left mark", "a\u200Fb"],
    ["an Arabic letter mark", "a\u061Cb"],
    ["a zero-width space", "ad\u200Bmin"],
    ["a zero-width joiner between letters", "ad\u200Dmin"],
    ["a zero-width non-joiner", "ad\u200Cmin"],
    ["a word joiner", "ad\u2060min"],
    ["a byte order mark", "Launch\uFEFFweek"],
    ["a line separator", "Launch\u2028week"],
    ["a paragraph separator", "Launch\u2029week"],
    ["a tag character outside a flag", "Launch\u{E0041}"],
    ["a lone surrogate", "Launch\uD800"],
  ])("refuse %s", (_what, text) => {
    expect(isPlainText(text)).toBe(false);
    expect(boardNameSchema.safeParse(text).success).toBe(false);
    expect(addWatchedBatchSchema.safeParse({ provider: "migma", batchId: "b1", label: text }).success).toBe(false);
  });

  it("accept ordinary text, accents, right-to-left scripts and emoji, joined ones and flags included", () => {
    for (const text of ["Black Friday — São Paulo 🚀", "Relance n°2", "حملة الجمعة", "👩‍💻 team", "👨‍👩‍👧 family", "🏳️‍🌈 pride", "👩🏽‍💻 dev", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland", "1️⃣ first"]) {
      expect(isPlainText(text), text).toBe(true);
      expect(boardNameSchema.safeParse(text).success, text).toBe(true);
    }
    expect(addWatchedBatchSchema.safeParse({ provider: "migma", batchId: "b1", label: "Relance n°2" }).success).toBe(true);
  });
});
