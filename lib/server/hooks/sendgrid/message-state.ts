import "server-only";
import type { SendGridEvent } from "./event-schema";

// Each message is in one delivery state at a time, the furthest its events reached (events come
// in any order, and a retry may repeat them): a bounce after "delivered" wins, "deferred" never
// undoes "delivered". Opens and clicks are flags, so each message counts once in the funnel.

export const MESSAGE_STATUSES = [
  "new",
  "processed",
  "deferred",
  "delivered",
  "bounced",
  "blocked",
  "dropped",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

const RANK: Record<MessageStatus, number> = {
  new: 0,
  processed: 1,
  deferred: 2,
  delivered: 3,
  bounced: 4,
  blocked: 4,
  dropped: 4,
};

export const FINAL_STATUSES: ReadonlySet<MessageStatus> = new Set([
  "delivered",
  "bounced",
  "blocked",
  "dropped",
]);
export const FAILED_STATUSES: ReadonlySet<MessageStatus> = new Set([
  "bounced",
  "blocked",
  "dropped",
]);

export type MessageState = {
  status: MessageStatus;
  reason: string | null;
  email: string | null;
  opened: boolean;
  clicked: boolean;
};

export const NEW_MESSAGE: MessageState = {
  status: "new",
  reason: null,
  email: null,
  opened: false,
  clicked: false,
};

const REASON_MAX = 500;

export function isMessageStatus(value: string): value is MessageStatus {
  return (MESSAGE_STATUSES as readonly string[]).includes(value);
}

/** The delivery state an event puts its message in; null for events that say nothing of delivery. */
function statusOf(event: SendGridEvent): MessageStatus | null {
  switch (event.event) {
    case "processed":
      return "processed";
    case "deferred":
      return "deferred";
    case "delivered":
      return "delivered";
    case "bounce":
      return event.type === "blocked" ? "blocked" : "bounced";
    case "blocked":
      return "blocked";
    case "dropped":
      return "dropped";
    // An open or a click proves delivery even when its "delivered" event is yet to come.
    case "open":
    case "click":
      return "delivered";
    default:
      return null;
  }
}

export function applyEvent(state: MessageState, event: SendGridEvent): MessageState {
  const next: MessageState = { ...state, email: state.email ?? event.email ?? null };
  if (event.event === "open") next.opened = true;
  if (event.event === "click") next.clicked = true;
  const status = statusOf(event);
  if (status && RANK[status] > RANK[state.status]) {
    next.status = status;
    const words = status === "deferred" ? (event.response ?? event.reason) : event.reason;
    next.reason =
      status === "delivered" || status === "processed"
        ? null
        : (words?.slice(0, REASON_MAX) ?? null);
  }
  return next;
}

export const TALLY_FIELDS = [
  "processed",
  "deferred",
  "delivered",
  "bounced",
  "blocked",
  "dropped",
  "opened",
  "clicked",
] as const;
export type TallyField = (typeof TALLY_FIELDS)[number];
export type Tally = Record<TallyField, number>;

export const EMPTY_TALLY: Tally = {
  processed: 0,
  deferred: 0,
  delivered: 0,
  bounced: 0,
  blocked: 0,
  dropped: 0,
  opened: 0,
  clicked: 0,
};

/** What one message adds to its batch's counts: `processed` is every message SendGrid took. */
function contribution(state: MessageState): Tally {
  const tally = { ...EMPTY_TALLY, opened: Number(state.opened), clicked: Number(state.clicked) };
  if (state.status === "new") return tally;
  tally.processed = 1;
  if (state.status !== "processed") tally[state.status] = 1;
  return tally;
}

/** How a batch's counts move when one of its messages goes from `before` to `after`. */
export function tallyChange(before: MessageState, after: MessageState): Tally {
  const from = contribution(before);
  const to = contribution(after);
  const change = { ...EMPTY_TALLY };
  for (const field of TALLY_FIELDS) change[field] = to[field] - from[field];
  return change;
}
