import type { CardTier } from "@/lib/wall/grid-shape";

// Literal class names per density tier, so Tailwind sees every one. Big numbers use the wall type
// scale; smaller cards drop the legend and the line before the numbers get small.
export const TIER_STYLES = {
  xl: {
    card: "gap-6 p-8",
    name: "text-4xl",
    big: "text-stat-xl",
    side: "text-stat-sm",
    bar: "lg",
    legend: true,
    line: true,
  },
  lg: {
    card: "gap-4 p-6",
    name: "text-3xl",
    big: "text-stat-lg",
    side: "text-2xl",
    bar: "lg",
    legend: true,
    line: true,
  },
  md: {
    card: "gap-3 p-4",
    name: "text-xl",
    big: "text-stat",
    side: "text-lg",
    bar: "sm",
    legend: true,
    line: true,
  },
  sm: {
    card: "gap-2 p-3",
    name: "text-lg",
    big: "text-stat-sm",
    side: "text-base",
    bar: "sm",
    legend: false,
    line: false,
  },
  xs: {
    card: "gap-1 p-2",
    name: "text-sm",
    big: "text-stat-sm",
    side: "text-sm",
    bar: "sm",
    legend: false,
    line: false,
  },
} as const satisfies Record<
  CardTier,
  {
    card: string;
    name: string;
    big: string;
    side: string;
    bar: "sm" | "lg";
    legend: boolean;
    line: boolean;
  }
>;
