import { describe, expect, it } from "vitest";
import { holdClosesAt, offeredActions, pausedExpiresAt } from "./batch-action";
import { actionConsequence } from "./batch-action-copy";
import { PROVIDER_PROFILES, profileOf } from "./providers/profiles";

const now = Date.parse("2026-03-02T14:00:00Z");
const sendgrid = PROVIDER_PROFILES.sendgrid;
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe("offeredActions", () => {
  it("offers SendGrid's pause and cancel until 10 minutes before the send time, then neither", () => {
    expect(offeredActions(sendgrid, { state: "scheduled", scheduledAt: at(11) }, now)).toEqual(["pause", "cancel"]);
    expect(offeredActions(sendgrid, { state: "scheduled", scheduledAt: at(10) }, now)).toEqual([]);
    // Unknown send time: offered, and SendGrid's own answer decides.
    expect(offeredActions(sendgrid, { state: "scheduled", scheduledAt: null }, now)).toEqual(["pause", "cancel"]);
  });

  it("offers resume and cancel for a paused SendGrid batch, stop only for a running Bolna one, nothing for Mindo", () => {
    expect(offeredActions(sendgrid, { state: "paused", scheduledAt: at(5) }, now)).toEqual(["resume", "cancel"]);
    expect(offeredActions(PROVIDER_PROFILES.bolna, { state: "running", scheduledAt: null }, now)).toEqual(["stop"]);
    expect(offeredActions(PROVIDER_PROFILES.bolna, { state: "completed", scheduledAt: null }, now)).toEqual([]);
    expect(offeredActions(PROVIDER_PROFILES.mindo, { state: "running", scheduledAt: null }, now)).toEqual([]);
  });

  it("dates SendGrid's rules from the send time", () => {
    expect(holdClosesAt(sendgrid, { scheduledAt: at(60) })).toBe(now + 50 * 60_000);
    expect(pausedExpiresAt(sendgrid, { scheduledAt: at(60) })).toBe(now + 73 * 60 * 60_000);
    expect(holdClosesAt(profileOf("bolna"), { scheduledAt: at(60) })).toBeNull();
  });
});

describe("actionConsequence", () => {
  it("counts what a stop discards, in the provider's nouns", () => {
    expect(actionConsequence("stop", PROVIDER_PROFILES.bolna, { state: "running", total: 47_120, processed: 8 })).toBe(
      "47,112 calls not yet made will be discarded. A stopped batch cannot be started again.",
    );
  });

  it("says what SendGrid does with a cancelled batch, which it reports no counts for", () => {
    expect(actionConsequence("cancel", sendgrid, { state: "scheduled", total: null, processed: 0 })).toBe(
      "Every email of this batch not yet sent will be discarded at the send time.",
    );
  });
});
