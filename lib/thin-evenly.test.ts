import { describe, expect, it } from "vitest";
import { thinEvenly } from "./thin-evenly";

describe("thinEvenly", () => {
  it("keeps short lists, and spreads long ones evenly with the first and last kept", () => {
    expect(thinEvenly([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const thinned = thinEvenly(
      Array.from({ length: 1_001 }, (_, index) => index),
      11,
    );
    expect(thinned).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000]);
    expect(
      thinEvenly(
        Array.from({ length: 10 }, (_, index) => index),
        4,
      ),
    ).toEqual([0, 3, 6, 9]);
  });

  it("keeps the newest when asked for one", () => {
    expect(thinEvenly([1, 2, 3], 1)).toEqual([3]);
  });
});
