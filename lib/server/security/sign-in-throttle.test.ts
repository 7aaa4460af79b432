import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/schema";
import { openTempDatabase } from "@/lib/server/testing/temp-database";
import { checkSignIn, delayAfter, recordSignInFailure, recordSignInSuccess, SIGN_IN_LIMITS } from "./sign-in-throttle";

let db: Kysely<Database>;
let close: () => Promise<void>;
const t0 = new Date("2030-01-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;
const victim = "victim@example.com";

beforeEach(async () => {
  ({ db, close } = await openTempDatabase());
});
afterEach(async () => close());

async function fail(email: string, address: string, times: number, when = t0) {
  for (let i = 0; i < times; i++) await recordSignInFailure(db, { email, address }, when);
}

describe("sign-in throttling", () => {
  it("refuses an account at one address after 5 failures until the oldest of them leaves the 15-minute window", async () => {
    await fail(victim, "203.0.113.1", 4);
    expect(await checkSignIn(db, { email: victim, address: "203.0.113.1" }, t0)).toMatchObject({ allowed: true });
    await fail(victim, "203.0.113.1", 1, at(5 * MINUTE));
    expect(await checkSignIn(db, { email: victim, address: "203.0.113.1" }, at(5 * MINUTE))).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
    expect(await checkSignIn(db, { email: victim, address: "203.0.113.1" }, at(15 * MINUTE - 1000))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await checkSignIn(db, { email: victim, address: "203.0.113.1" }, at(15 * MINUTE))).toMatchObject({ allowed: true });
  });

  it("never refuses the account at another address: its failures only slow it down, by 3 s at most", async () => {
    for (let i = 0; i < 40; i++) await fail(victim, `198.51.100.${i}`, 1);
    const verdict = await checkSignIn(db, { email: victim, address: "192.0.2.10" }, t0);
    expect(verdict).toEqual({ allowed: true, delayMs: SIGN_IN_LIMITS.maxDelayMs });
    expect(SIGN_IN_LIMITS.maxDelayMs).toBeLessThanOrEqual(3_000);
  });

  it("refuses an address that fails for many accounts, for every account", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await fail(`guess-${i}@example.com`, "203.0.113.9", 1);
    expect(await checkSignIn(db, { email: victim, address: "203.0.113.9" }, t0)).toMatchObject({ allowed: false });
    expect(await checkSignIn(db, { email: victim, address: "203.0.113.10" }, t0)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("grows the delay from the fourth failure of an account, doubling up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50].map(delayAfter)).toEqual([0, 0, 0, 0, 250, 500, 1000, 2000, 3000, 3000]);
  });

  it("lets the right password clear that address's failures for the account, and forgets what left the window", async () => {
    await fail(victim, "203.0.113.1", 4);
    await fail(victim, "203.0.113.2", 1);
    await recordSignInSuccess(db, { email: victim, address: "203.0.113.1" });
    expect(await db.selectFrom("sign_in_failures").select("address").execute()).toEqual([{ address: "203.0.113.2" }]);
    await fail("other@example.com", "203.0.113.3", 1, at(16 * MINUTE));
    expect(await db.selectFrom("sign_in_failures").select("email").execute()).toEqual([{ email: "other@example.com" }]);
  });
});
