import { WALL_CARD_UNITS, WALL_MIN_TEXT_VMIN } from "@/config/wall";

// The wall fits every batch on one screen: pick the column count that gives the largest cards
// for this many batches in this viewport, then the card's text unit and what it has room for.

export type GridShape = { columns: number; rows: number };
export type CardTier = "xl" | "lg" | "md" | "sm" | "xs";

/** Cards read best a little wider than tall. */
const CARD_ASPECT = 1.6;

export function gridShape(count: number, width: number, height: number): GridShape {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: 1, rows: 1 };
  let best: GridShape & { scale: number } = { columns: 1, rows: count, scale: -1 };
  for (let columns = 1; columns <= count; columns += 1) {
    const rows = Math.ceil(count / columns);
    // The size of the largest card of CARD_ASPECT that fits in one cell.
    const scale = Math.min(width / columns / CARD_ASPECT, height / rows);
    // Ties go to fewer empty cells.
    if (
      scale > best.scale + 1e-9 ||
      (Math.abs(scale - best.scale) <= 1e-9 && columns * rows < best.columns * best.rows)
    ) {
      best = { columns, rows, scale };
    }
  }
  return { columns: best.columns, rows: best.rows };
}

/**
 * A card's text unit in px: its smallest text. It scales with the card, and never goes below the
 * readable minimum of the screen. `cardUnitCss` is the same rule for the browser to apply.
 */
export function cardUnitPx(cellWidth: number, cellHeight: number, vmin: number): number {
  const fit = Math.min(cellHeight / WALL_CARD_UNITS.high, cellWidth / WALL_CARD_UNITS.wide);
  return Math.max((WALL_MIN_TEXT_VMIN / 100) * vmin, fit);
}

/** For a card inside a size container (its grid cell): the same unit in container query units. */
export const cardUnitCss = `max(${WALL_MIN_TEXT_VMIN}vmin, min(${100 / WALL_CARD_UNITS.high}cqh, ${100 / WALL_CARD_UNITS.wide}cqw))`;

// What each tier needs, in text units; see components/board/card-tier-styles.ts for what it shows.
const TIERS: ReadonlyArray<{ tier: CardTier; wide: number; high: number }> = [
  { tier: "xl", wide: 28, high: 18.5 },
  { tier: "lg", wide: 20, high: 14.5 },
  { tier: "md", wide: 13, high: 10.6 },
  { tier: "sm", wide: 12, high: 9.6 },
];

/** The richest tier whose content fits a cell this many text units wide and high. */
export function cardTier(unitsWide: number, unitsHigh: number): CardTier {
  return TIERS.find((step) => unitsWide >= step.wide && unitsHigh >= step.high)?.tier ?? "xs";
}
