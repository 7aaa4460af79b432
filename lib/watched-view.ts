import { BATCH_STATES, type BatchState } from "./batch-snapshot";
import {
  isProviderId,
  PROVIDER_IDS,
  PROVIDER_INFO,
  type ProviderId,
} from "./providers/provider-id";

// How the watched list is searched, filtered and sorted: kept in the address (?q=&state=&provider=
// &sort=), so a link a teammate opens shows the same list. Anything unreadable is ignored.

export const WATCHED_SORTS = ["added", "name", "state", "provider", "progress"] as const;
export type WatchedSort = (typeof WATCHED_SORTS)[number];

export type WatchedView = {
  q: string;
  state: BatchState | null;
  provider: ProviderId | null;
  sort: WatchedSort;
};

export const DEFAULT_WATCHED_VIEW: WatchedView = {
  q: "",
  state: null,
  provider: null,
  sort: "added",
};

const Q_MAX = 100;

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

export function readWatchedView(params: Pick<URLSearchParams, "get">): WatchedView {
  const state = params.get("state");
  const provider = params.get("provider");
  const sort = params.get("sort");
  return {
    q: (params.get("q") ?? "").slice(0, Q_MAX),
    state: isOneOf(BATCH_STATES, state) ? state : null,
    provider: provider !== null && isProviderId(provider) ? provider : null,
    sort: isOneOf(WATCHED_SORTS, sort) ? sort : "added",
  };
}

/** The query string for a view: defaults are left out, so the plain list has the plain address. */
export function watchedViewSearch(view: WatchedView): string {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set("q", view.q);
  if (view.state) params.set("state", view.state);
  if (view.provider) params.set("provider", view.provider);
  if (view.sort !== "added") params.set("sort", view.sort);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** One row as the list filters it: what it is named, and (once loaded) where it is. */
export type WatchedListRow = {
  name: string;
  batchId: string;
  provider: ProviderId;
  state: BatchState | null;
  progress: number | null;
};

const nameOrder = new Intl.Collator("en", { sensitivity: "base", numeric: true });

// Running first, then what is still to come, then what is over; unknown and not loaded last.
const STATE_ORDER: readonly BatchState[] = [
  "running",
  "paused",
  "queued",
  "scheduled",
  "failed",
  "partial",
  "completed",
  "cancelled",
  "unknown",
];

function rank(state: BatchState | null): number {
  return state === null ? STATE_ORDER.length : STATE_ORDER.indexOf(state);
}

const COMPARE: Record<
  Exclude<WatchedSort, "added">,
  (a: WatchedListRow, b: WatchedListRow) => number
> = {
  name: (a, b) => nameOrder.compare(a.name, b.name),
  state: (a, b) => rank(a.state) - rank(b.state),
  provider: (a, b) => PROVIDER_IDS.indexOf(a.provider) - PROVIDER_IDS.indexOf(b.provider),
  // Furthest along first; batches without a known total go last.
  progress: (a, b) => (b.progress ?? -1) - (a.progress ?? -1),
};

function matches(row: WatchedListRow, view: WatchedView): boolean {
  if (view.state && row.state !== view.state) return false;
  if (view.provider && row.provider !== view.provider) return false;
  const q = view.q.trim().toLowerCase();
  if (!q) return true;
  const provider = PROVIDER_INFO[row.provider];
  return [row.name, row.batchId, provider.name, provider.channel].some((text) =>
    text.toLowerCase().includes(q),
  );
}

/** The rows to show, in order; ties keep the list's own order (the order they were added). */
export function applyWatchedView<T extends WatchedListRow>(rows: T[], view: WatchedView): T[] {
  const shown = rows.filter((row) => matches(row, view));
  if (view.sort === "added") return shown;
  const compare = COMPARE[view.sort];
  return shown
    .map((row, index) => ({ row, index }))
    .sort((a, b) => compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}
