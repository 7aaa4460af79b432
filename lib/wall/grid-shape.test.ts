import { describe, expect, it } from "vitest";
import { cardTier, cardUnitPx, gridShape } from "./grid-shape";

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

describe("cardUnitPx and cardTier", () => {
  // A 1080p wall's cells, from a full-screen single batch down to a crowded board.
  it("grows a card's type with the card, never below the readable minimum of the screen", () => {
    const floor = 0.029 * 1080;
    expect(cardUnitPx(1900, 980, 1080)).toBeCloseTo(980 / 19);
    expect(cardUnitPx(470, 310, 1080)).toBeCloseTo(floor);
    expect(cardUnitPx(150, 90, 1080)).toBeCloseTo(floor);
  });

  it("gives a 4K wall the 1080p wall's layout at twice the size", () => {
    for (const [width, height] of [[1900, 980], [946, 484], [470, 310]] as const) {
      const hd = cardUnitPx(width, height, 1080);
      const uhd = cardUnitPx(width * 2, height * 2, 2160);
      expect(uhd).toBeCloseTo(hd * 2);
      expect(cardTier((width * 2) / uhd, (height * 2) / uhd)).toBe(cardTier(width / hd, height / hd));
    }
  });

  it("steps down as the cells hold fewer text units", () => {
    expect(cardTier(30, 19)).toBe("xl");
    expect(cardTier(30, 15.5)).toBe("lg");
    expect(cardTier(15, 10.6)).toBe("md");
    expect(cardTier(15, 10)).toBe("sm");
    expect(cardTier(11, 10)).toBe("xs");
    expect(cardTier(15, 7)).toBe("xs");
  });
});
