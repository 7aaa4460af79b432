// Wall screens and share links run unattended for a whole send: these set their pace and bounds.

/** Board contents (added, removed, reordered batches) reach open screens this fast. */
export const BOARD_POLL_MS = 15_000;

/** A revoked or expired share link is noticed within this long even when no batch is polling. */
export const SHARE_POLL_MS = 5_000;

/** How often an open wall asks whether a new version was deployed. */
export const VERSION_POLL_MS = 60_000;

/** The whole layout moves a few pixels this often, so no pixel shows the same thing for hours. */
export const BURN_IN_SHIFT_MS = 3 * 60_000;
export const BURN_IN_MAX_PX = 4;

/** Unused queries leave the wall's cache quickly: a board can churn for eight hours. */
export const WALL_GC_TIME_MS = 30_000;

/** The processed-over-time line keeps one point per spacing, at most this many: the last 15 min. */
export const CHART_HISTORY_POINTS = 90;
export const CHART_HISTORY_SPACING_MS = 10_000;
