import { describe, expect, it, vi } from "vitest";
import { appendCapped, createHistoryStore } from "./history-store";
import type { HistoryPoint } from "./history-store";

describe("appendCapped", () => {
  it("keeps at most max points however long it runs", () => {
    let points: readonly HistoryPoint[] = [];
    for (let i = 0; i < 10_000; i += 1)
      points = appendCapped(points, { at: i * 10_000, value: i }, 90, 10_000);
    expect(points).toHaveLength(90);
    expect(points[0]?.value).toBe(10_000 - 90);
    expect(points.at(-1)?.value).toBe(9_999);
  });

  it("folds polls closer than the spacing into the last point", () => {
    let points: readonly HistoryPoint[] = [];
    points = appendCapped(points, { at: 0, value: 1 }, 90, 10_000);
    points = appendCapped(points, { at: 2_000, value: 5 }, 90, 10_000);
    points = appendCapped(points, { at: 4_000, value: 5 }, 90, 10_000);
    expect(points).toEqual([{ at: 0, value: 5 }]);
    points = appendCapped(points, { at: 10_000, value: 9 }, 90, 10_000);
    expect(points).toEqual([
      { at: 0, value: 5 },
      { at: 10_000, value: 9 },
    ]);
  });

  it("ignores a point older than the last", () => {
    const points = [{ at: 10, value: 1 }];
    expect(appendCapped(points, { at: 5, value: 2 })).toBe(points);
  });
});

describe("createHistoryStore", () => {
  it("notifies on change only and forgets batches that left", () => {
    const store = createHistoryStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.record("a", { at: 0, value: 1 });
    store.record("a", { at: 1, value: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get("a")).toEqual([{ at: 0, value: 1 }]);
    store.forget("a");
    expect(store.size()).toBe(0);
    expect(store.get("a")).toEqual([]);
    unsubscribe();
    store.record("b", { at: 0, value: 1 });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
