// The wall fits every batch on one screen: pick the column count that gives the largest cards
// for this many batches in this viewport, and a density tier the cards size their numbers by.

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

const TIERS: ReadonlyArray<{ tier: CardTier; minWidth: number; minHeight: number }> = [
  { tier: "xl", minWidth: 760, minHeight: 460 },
  { tier: "lg", minWidth: 520, minHeight: 320 },
  { tier: "md", minWidth: 360, minHeight: 220 },
  { tier: "sm", minWidth: 240, minHeight: 150 },
];

export function cardTier(cellWidth: number, cellHeight: number): CardTier {
  return (
    TIERS.find((step) => cellWidth >= step.minWidth && cellHeight >= step.minHeight)?.tier ?? "xs"
  );
}
