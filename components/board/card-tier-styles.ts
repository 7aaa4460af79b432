import type { CardTier } from "@/lib/wall/grid-shape";

// What a card shows at each density tier, and how large its name and headline are, in text units
// (--u: 1rem on a board page, the wall's card unit on a wall; see lib/wall/grid-shape.ts, whose
// tier thresholds are the heights these add up to). Smaller cards drop the line, the legend, the
// id, the status strip, the pace and the provider before any text gets smaller than one unit.
export const TIER_STYLES = {
  xl: {
    name: 1.5,
    big: 4.2,
    provider: true,
    channel: true,
    id: true,
    pace: true,
    strip: true,
    legend: true,
    line: true,
  },
  lg: {
    name: 1.35,
    big: 3.2,
    provider: true,
    channel: true,
    id: true,
    pace: true,
    strip: true,
    legend: true,
    line: true,
  },
  md: {
    name: 1.3,
    big: 2.3,
    provider: true,
    channel: false,
    id: false,
    pace: true,
    strip: true,
    legend: false,
    line: false,
  },
  sm: {
    name: 1.3,
    big: 1.9,
    provider: true,
    channel: false,
    id: false,
    pace: true,
    strip: false,
    legend: false,
    line: false,
  },
  xs: {
    name: 1.2,
    big: 1.9,
    provider: false,
    channel: false,
    id: false,
    pace: false,
    strip: false,
    legend: false,
    line: false,
  },
} as const satisfies Record<
  CardTier,
  {
    name: number;
    big: number;
    provider: boolean;
    channel: boolean;
    id: boolean;
    pace: boolean;
    strip: boolean;
    legend: boolean;
    line: boolean;
  }
>;

/** A length in text units, for inline styles. */
export function units(count: number): string {
  return `calc(var(--u) * ${count})`;
}
