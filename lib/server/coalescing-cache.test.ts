import { describe, expect, it } from "vitest";
import { createCoalescingCache } from "./coalescing-cache";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("createCoalescingCache", () => {
  it("shares one load among concurrent callers", async () => {
    const cache = createCoalescingCache<number>({ ttlMs: () => 1000, maxEntries: 10 });
    const gate = deferred<number>();
    let loads = 0;
    const load = () => (loads++, gate.promise);
    const callers = Array.from({ length: 50 }, () => cache.get("k", load));
    gate.resolve(7);
    expect(await Promise.all(callers)).toEqual(Array(50).fill(7));
    expect(loads).toBe(1);
  });

  it("reuses a value for its time to live, then loads again", async () => {
    let clock = 0;
    const cache = createCoalescingCache<string>({ ttlMs: (v) => (v === "done" ? 60_000 : 1000), maxEntries: 10, now: () => clock });
    let loads = 0;
    const load = async () => (loads++ === 0 ? "running" : "done");
    await cache.get("k", load);
    clock = 999;
    expect(await cache.get("k", load)).toBe("running");
    clock = 1000;
    expect(await cache.get("k", load)).toBe("done");
    clock = 50_000;
    expect(await cache.get("k", load)).toBe("done");
    expect(loads).toBe(2);
  });

  it("shares a failure with waiting callers but does not cache it", async () => {
    const cache = createCoalescingCache<number>({ ttlMs: () => 1000, maxEntries: 10 });
    const gate = deferred<number>();
    const first = cache.get("k", () => gate.promise);
    const second = cache.get("k", () => Promise.resolve(1));
    gate.reject(new Error("down"));
    await expect(first).rejects.toThrow("down");
    await expect(second).rejects.toThrow("down");
    expect(await cache.get("k", () => Promise.resolve(2))).toBe(2);
  });

  it("stays bounded by dropping the oldest entries", async () => {
    const cache = createCoalescingCache<number>({ ttlMs: () => 1000, maxEntries: 3 });
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, async () => i);
    expect(cache.size()).toBe(3);
    let reloaded = false;
    await cache.get("k0", async () => ((reloaded = true), 0));
    expect(reloaded).toBe(true);
  });
});
