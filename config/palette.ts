import type { BatchState, Outcome } from "@/lib/batch-snapshot";

// Hex values shared by the Tailwind theme and the SVG charts, so a bar and its counter card
// are always the same colour. Red is kept for real failure only.
export const SURFACE_COLORS = {
  canvas: "#0b1220",
  panel: "#111a2b",
  raised: "#18233a",
  line: "#26344d",
  ink: "#e6edf7",
  muted: "#9aabc2",
  // At least 4.5:1 on canvas, panel and raised (WCAG AA for small text), yet quieter than muted.
  faint: "#8091a9",
} as const;

export const OUTCOME_COLORS = {
  pending: "#94a3b8",
  active: "#38bdf8",
  success: "#34d399",
  unreached: "#f59e0b",
  failure: "#f87171",
} as const satisfies Record<Outcome, string>;

export const STATE_COLORS = {
  scheduled: "#a5b4fc",
  queued: "#94a3b8",
  running: "#38bdf8",
  paused: "#c4b5fd",
  completed: "#34d399",
  partial: "#fcd34d",
  failed: "#f87171",
  cancelled: "#a8a29e",
  unknown: "#94a3b8",
} as const satisfies Record<BatchState, string>;

/** Notices about our connection to a provider: visible, but not the red of a failed send. */
export const NOTICE_COLORS = {
  warning: "#fbbf24",
  info: "#7dd3fc",
} as const;

/** Funnel steps: sent → delivered → read, from calm blue to success. */
export const FUNNEL_COLORS = ["#38bdf8", "#2dd4bf", "#34d399"] as const;
