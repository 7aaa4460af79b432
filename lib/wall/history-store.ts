import { CHART_HISTORY_POINTS, CHART_HISTORY_SPACING_MS } from "@/config/wall";

export type HistoryPoint = { at: number; value: number };

/** Appends at most one point per spacing and keeps the last `max`: the array never grows past it. */
export function appendCapped(
  points: readonly HistoryPoint[],
  point: HistoryPoint,
  max = CHART_HISTORY_POINTS,
  spacingMs = CHART_HISTORY_SPACING_MS,
): readonly HistoryPoint[] {
  const last = points.at(-1);
  if (last && point.at < last.at) return points;
  if (last && point.at - last.at < spacingMs) {
    return last.value === point.value
      ? points
      : [...points.slice(0, -1), { at: last.at, value: point.value }];
  }
  const next = points.length >= max ? points.slice(points.length - max + 1) : points.slice();
  next.push(point);
  return next;
}

export type HistoryStore = {
  record: (key: string, point: HistoryPoint) => void;
  forget: (key: string) => void;
  /** Drops every series but these. */
  retainOnly: (keys: ReadonlySet<string>) => void;
  get: (key: string) => readonly HistoryPoint[];
  subscribe: (listener: () => void) => () => void;
  size: () => number;
};

const EMPTY: readonly HistoryPoint[] = [];

/** Per-batch history for one screen, shaped for useSyncExternalStore. */
export function createHistoryStore(): HistoryStore {
  const series = new Map<string, readonly HistoryPoint[]>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    record: (key, point) => {
      const before = series.get(key) ?? EMPTY;
      const after = appendCapped(before, point);
      if (after === before) return;
      series.set(key, after);
      notify();
    },
    forget: (key) => {
      if (series.delete(key)) notify();
    },
    retainOnly: (keys) => {
      let dropped = false;
      for (const key of series.keys()) if (!keys.has(key)) dropped = series.delete(key) || dropped;
      if (dropped) notify();
    },
    get: (key) => series.get(key) ?? EMPTY,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    size: () => series.size,
  };
}
