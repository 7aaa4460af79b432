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

/**
 * The smallest text on a wall, as a share of the screen's shorter side (CSS `vmin`). The rule: on
 * a 55″ 16:9 screen (68.5 cm tall) seen from 3 m, a capital letter subtends at least 16 minutes of
 * arc, ISO 9241-303's minimum for legible characters: 300 cm × tan(16′) = 1.40 cm = 2.04 % of the
 * screen's height. Sans-serif capitals are about 0.7 em tall, so text is at least 2.9 vmin: 21 px
 * at 720p, 31 px at 1080p, 63 px at 2160p. The shorter side keeps it true on a screen turned upright.
 */
export const WALL_MIN_TEXT_VMIN = 2.9;
/** The capital height that rule asks for, as a share of the shorter side: what e2e measures. */
export const WALL_MIN_CAP_HEIGHT_VMIN = 2.04;

/**
 * A wall card's text unit grows with the card: a card this many units tall and wide shows
 * everything (the "xl" tier), so a card that can hold more than that gets larger type instead.
 */
export const WALL_CARD_UNITS = { high: 19, wide: 30 } as const;
