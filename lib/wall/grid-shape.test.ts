import { describe, expect, it } from "vitest";
import { cardTier, gridShape } from "./grid-shape";

describe("gridShape", () => {
  it.each([
    [1, 1920, 1080, { columns: 1, rows: 1 }],
    [2, 1920, 1080, { columns: 2, rows: 1 }],
    [4, 1920, 1080, { columns: 2, rows: 2 }],
    [6, 1920, 1080, { columns: 3, rows: 2 }],
    [12, 1920, 1080, { columns: 4, rows: 3 }],
    [4, 1080, 1920, { columns: 1, rows: 4 }],
    [0, 1920, 1080, { columns: 1, rows: 1 }],
  ])("%i batches on %ix%i", (count, width, height, expected) => {
    expect(gridShape(count, width, height)).toEqual(expected);
  });

  it("always has a cell for every batch and no empty row, for any count and aspect", () => {
    for (const [width, height] of [
      [1920, 1080],
      [3840, 2160],
      [1280, 720],
      [1080, 1920],
      [800, 800],
    ] as const) {
      for (let count = 1; count <= 120; count += 1) {
        const { columns, rows } = gridShape(count, width, height);
        expect(columns * rows).toBeGreaterThanOrEqual(count);
        expect(columns * (rows - 1)).toBeLessThan(count);
      }
    }
  });
});

describe("cardTier", () => {
  it("steps down as cards shrink", () => {
    expect(cardTier(1900, 1000)).toBe("xl");
    expect(cardTier(940, 500)).toBe("xl");
    expect(cardTier(620, 350)).toBe("lg");
    expect(cardTier(470, 250)).toBe("md");
    expect(cardTier(300, 200)).toBe("sm");
    expect(cardTier(190, 100)).toBe("xs");
  });
});
