import "server-only";
import { LRUCache } from "lru-cache";
import { processSingleton } from "@/lib/server/process-singleton";

export type SignInAttempt = { email: string; ip: string };

export type SignInLimiterOptions = {
  /** Failures allowed in one window before the pair is locked for the rest of it. */
  maxFailures?: number;
  windowMs?: number;
  /** Most (email, ip) pairs remembered; the least recently used is forgotten first. */
  maxKeys?: number;
};

type Window = { startedAt: number; failures: number };

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

/** Fixed windows that start at the first failure; a success clears the pair. */
export function createSignInLimiter({
  maxFailures = 5,
  windowMs = 15 * 60_000,
  maxKeys = 10_000,
}: SignInLimiterOptions = {}) {
  const windows = new LRUCache<string, Window>({ max: maxKeys, ttl: windowMs });

  function openWindow(attempt: SignInAttempt, now: Date): Window | undefined {
    const window = windows.get(keyOf(attempt));
    return window && now.getTime() - window.startedAt < windowMs ? window : undefined;
  }

  /** Seconds to wait before trying again; 0 when sign-in may be attempted. */
  function isLimited(attempt: SignInAttempt, now: Date = new Date()): number {
    const window = openWindow(attempt, now);
    if (!window || window.failures < maxFailures) return 0;
    return Math.ceil((window.startedAt + windowMs - now.getTime()) / 1000);
  }

  /** Returns the seconds to wait after this failure, so the caller can say so at once. */
  function recordFailure(attempt: SignInAttempt, now: Date = new Date()): number {
    const window = openWindow(attempt, now) ?? { startedAt: now.getTime(), failures: 0 };
    const ttl = Math.max(1, window.startedAt + windowMs - now.getTime());
    windows.set(keyOf(attempt), { ...window, failures: window.failures + 1 }, { ttl });
    return isLimited(attempt, now);
  }

  function recordSuccess(attempt: SignInAttempt): void {
    windows.delete(keyOf(attempt));
  }

  return { isLimited, recordFailure, recordSuccess, size: () => windows.size };
}

// Emails differ in case and stray spaces between attempts; JSON keeps the pair unambiguous.
function keyOf({ email, ip }: SignInAttempt): string {
  return JSON.stringify([email.trim().toLowerCase(), ip]);
}

// Next can load this module in several bundles; one process must count failures in one place.
export function getSignInLimiter(): SignInLimiter {
  return processSingleton("sign-in-limiter", () => createSignInLimiter());
}
