import { describe, expect, it } from "vitest";
import {
  applyWatchedView,
  DEFAULT_WATCHED_VIEW,
  readWatchedView,
  watchedViewSearch,
  type WatchedListRow,
} from "./watched-view";

const rows: WatchedListRow[] = [
  {
    name: "Winter sale",
    batchId: "sim-running",
    provider: "migma",
    state: "running",
    progress: 0.2,
  },
  { name: "callbacks.csv", batchId: "0002", provider: "bolna", state: "completed", progress: 1 },
  { name: "abc-id", batchId: "abc-id", provider: "sendgrid", state: null, progress: null },
  { name: "Reminders", batchId: "uuid-2", provider: "mindo", state: "failed", progress: 0.5 },
];
const names = (shown: WatchedListRow[]) => shown.map((row) => row.name);

describe("the watched list's view", () => {
  it("searches names, ids and provider names without case", () => {
    expect(names(applyWatchedView(rows, { ...DEFAULT_WATCHED_VIEW, q: "WINTER" }))).toEqual([
      "Winter sale",
    ]);
    expect(names(applyWatchedView(rows, { ...DEFAULT_WATCHED_VIEW, q: "0002" }))).toEqual([
      "callbacks.csv",
    ]);
    expect(names(applyWatchedView(rows, { ...DEFAULT_WATCHED_VIEW, q: "whatsapp" }))).toEqual([
      "Reminders",
    ]);
  });

  it("filters by state and provider, and both at once", () => {
    expect(names(applyWatchedView(rows, { ...DEFAULT_WATCHED_VIEW, state: "completed" }))).toEqual([
      "callbacks.csv",
    ]);
    expect(names(applyWatchedView(rows, { ...DEFAULT_WATCHED_VIEW, provider: "mindo" }))).toEqual([
      "Reminders",
    ]);
    expect(
      applyWatchedView(rows, { ...DEFAULT_WATCHED_VIEW, provider: "mindo", state: "running" }),
    ).toEqual([]);
  });

  it("sorts by name, state, provider and progress, keeping the added order by default", () => {
    const sorted = (sort: (typeof DEFAULT_WATCHED_VIEW)["sort"]) =>
      names(applyWatchedView(rows, { ...DEFAULT_WATCHED_VIEW, sort }));
    expect(sorted("added")).toEqual(["Winter sale", "callbacks.csv", "abc-id", "Reminders"]);
    expect(sorted("name")).toEqual(["abc-id", "callbacks.csv", "Reminders", "Winter sale"]);
    expect(sorted("state")).toEqual(["Winter sale", "Reminders", "callbacks.csv", "abc-id"]);
    expect(sorted("provider")).toEqual(["Winter sale", "Reminders", "callbacks.csv", "abc-id"]);
    expect(sorted("progress")).toEqual(["callbacks.csv", "Reminders", "Winter sale", "abc-id"]);
  });

  it("round-trips through the address, leaving defaults out and ignoring what it cannot read", () => {
    const view = { q: "winter", state: "running", provider: "migma", sort: "name" } as const;
    const search = watchedViewSearch(view);
    expect(search).toBe("?q=winter&state=running&provider=migma&sort=name");
    expect(readWatchedView(new URLSearchParams(search))).toEqual(view);
    expect(watchedViewSearch(DEFAULT_WATCHED_VIEW)).toBe("");
    expect(readWatchedView(new URLSearchParams("state=melted&provider=acme&sort=size"))).toEqual(
      DEFAULT_WATCHED_VIEW,
    );
  });
});
