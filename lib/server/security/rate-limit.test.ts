import { describe, expect, it } from "vitest";
import { createSignInLimiter, getSignInLimiter } from "./rate-limit";

const attempt = { email: "ada@example.com", ip: "203.0.113.7" };
const start = new Date("2030-01-01T00:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const MINUTE = 60_000;

function failTimes(limiter: ReturnType<typeof createSignInLimiter>, times: number, now = start) {
  let wait = 0;
  for (let i = 0; i < times; i++) wait = limiter.recordFailure(attempt, now);
  return wait;
}

describe("createSignInLimiter", () => {
  it("allows four failures and locks on the fifth for the rest of the window", () => {
    const limiter = createSignInLimiter();
    expect(failTimes(limiter, 4)).toBe(0);
    expect(limiter.isLimited(attempt, start)).toBe(0);
    expect(limiter.recordFailure(attempt, at(5 * MINUTE))).toBe(10 * 60);
    expect(limiter.isLimited(attempt, at(5 * MINUTE))).toBe(10 * 60);
    expect(limiter.isLimited(attempt, at(15 * MINUTE - 1500))).toBe(2);
  });

  it("unlocks when the window ends and starts counting afresh", () => {
    const limiter = createSignInLimiter();
    failTimes(limiter, 5);
    expect(limiter.isLimited(attempt, at(15 * MINUTE - 1))).toBe(1);
    expect(limiter.isLimited(attempt, at(15 * MINUTE))).toBe(0);
    expect(limiter.recordFailure(attempt, at(15 * MINUTE))).toBe(0);
    expect(failTimes(limiter, 4, at(16 * MINUTE))).toBe(14 * 60);
  });

  it("does not extend the lock when failures keep coming", () => {
    const limiter = createSignInLimiter();
    failTimes(limiter, 5);
    failTimes(limiter, 20, at(14 * MINUTE));
    expect(limiter.isLimited(attempt, at(15 * MINUTE))).toBe(0);
  });

  it("forgets failures after a success", () => {
    const limiter = createSignInLimiter();
    failTimes(limiter, 4);
    limiter.recordSuccess(attempt);
    expect(failTimes(limiter, 4)).toBe(0);
  });

  it("counts each (email, ip) pair on its own, ignoring email case and spaces", () => {
    const limiter = createSignInLimiter();
    failTimes(limiter, 5);
    expect(
      limiter.isLimited({ email: " ADA@Example.com ", ip: attempt.ip }, start),
    ).toBeGreaterThan(0);
    expect(limiter.isLimited({ email: attempt.email, ip: "203.0.113.8" }, start)).toBe(0);
    expect(limiter.isLimited({ email: "bob@example.com", ip: attempt.ip }, start)).toBe(0);
  });

  it("honours custom limits", () => {
    const limiter = createSignInLimiter({ maxFailures: 2, windowMs: MINUTE });
    expect(limiter.recordFailure(attempt, start)).toBe(0);
    expect(limiter.recordFailure(attempt, at(1000))).toBe(59);
    expect(limiter.isLimited(attempt, at(MINUTE))).toBe(0);
  });

  it("keeps memory bounded", () => {
    const limiter = createSignInLimiter({ maxKeys: 100 });
    for (let i = 0; i < 1000; i++)
      limiter.recordFailure({ email: `u${i}@example.com`, ip: "198.51.100.1" }, start);
    expect(limiter.size()).toBe(100);
  });
});

describe("getSignInLimiter", () => {
  it("returns one limiter per process", () => {
    expect(getSignInLimiter()).toBe(getSignInLimiter());
  });
});
