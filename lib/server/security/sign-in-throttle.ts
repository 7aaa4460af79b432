import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";

// Sign-in failures are counted in the database, so every instance sees the same numbers. Two
// limits answer 429: one address failing for any accounts, and one account failing from one
// address. Nothing from one address can stop the right password from another: failures of an
// account from everywhere only slow its sign-ins down, by a few seconds at most.
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  perAddress: 30,
  perAccountAtAddress: 5,
  /** The account's failures (any address) a sign-in may follow without waiting. */
  freeFailures: 3,
  firstDelayMs: 250,
  maxDelayMs: 3_000,
} as const;

export type SignInAttempt = { email: string; address: string };

export type SignInVerdict = { allowed: false; retryAfterSeconds: number } | { allowed: true; delayMs: number };

/** Before the password is checked: refused (and for how long), or allowed after a delay. */
export async function checkSignIn(db: Kysely<Database>, { email, address }: SignInAttempt, now = new Date()): Promise<SignInVerdict> {
  const since = windowStart(now);
  const recent = db.selectFrom("sign_in_failures").select("at").where("at", ">", since).orderBy("at", "desc");
  const [fromAddress, fromPair, forAccount] = await Promise.all([
    recent.where("address", "=", address).limit(SIGN_IN_LIMITS.perAddress).execute(),
    recent.where("address", "=", address).where("email", "=", email).limit(SIGN_IN_LIMITS.perAccountAtAddress).execute(),
    db
      .selectFrom("sign_in_failures")
      .select((eb) => eb.fn.countAll<number | string | bigint>().as("failures"))
      .where("email", "=", email)
      .where("at", ">", since)
      .executeTakeFirstOrThrow(),
  ]);
  const waits = [waitFor(fromAddress, SIGN_IN_LIMITS.perAddress, now), waitFor(fromPair, SIGN_IN_LIMITS.perAccountAtAddress, now)];
  const retryAfterSeconds = Math.max(...waits);
  if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
  return { allowed: true, delayMs: delayAfter(Number(forAccount.failures)) };
}

export async function recordSignInFailure(db: Kysely<Database>, { email, address }: SignInAttempt, now = new Date()): Promise<void> {
  await db.insertInto("sign_in_failures").values({ email, address, at: now.toISOString() }).execute();
  // What has left every window is never read again.
  await db.deleteFrom("sign_in_failures").where("at", "<=", windowStart(now)).execute();
}

/** The right password from this address clears its failures for this account; the others stay. */
export async function recordSignInSuccess(db: Kysely<Database>, { email, address }: SignInAttempt): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("email", "=", email).where("address", "=", address).execute();
}

/** 0, 0, 0, then 250 ms doubling per further failure, at most 3 s. */
export function delayAfter(accountFailures: number): number {
  const over = accountFailures - SIGN_IN_LIMITS.freeFailures;
  if (over <= 0) return 0;
  return Math.min(SIGN_IN_LIMITS.maxDelayMs, SIGN_IN_LIMITS.firstDelayMs * 2 ** (over - 1));
}

function windowStart(now: Date): string {
  return new Date(now.getTime() - SIGN_IN_LIMITS.windowMs).toISOString();
}

/** Seconds until the limit-th newest failure leaves the window, which brings the count under the limit. */
function waitFor(newestFirst: { at: string }[], limit: number, now: Date): number {
  if (newestFirst.length < limit) return 0;
  const oldestCounted = Date.parse(newestFirst[limit - 1]!.at);
  return Math.max(1, Math.ceil((oldestCounted + SIGN_IN_LIMITS.windowMs - now.getTime()) / 1000));
}
