import { describe, expect, it } from "vitest";
import { sendTimeOf } from "./send-time";

const now = Date.parse("2026-03-02T14:27:00Z");
const at = (iso: string | null) => ({ provider: "sendgrid" as const, scheduledAt: iso });

describe("sendTimeOf", () => {
  it("says when a batch sends and how long until then, or how long ago it was due", () => {
    expect(sendTimeOf(at("2026-03-02T14:50:00Z"), now)).toMatch(/^Sends at .+ — in 23 min$/);
    expect(sendTimeOf(at("2026-03-02T14:22:00Z"), now)).toMatch(/^Was due at .+ — 5 min ago$/);
  });

  it("says the provider does not report it rather than inventing a time", () => {
    expect(sendTimeOf(at(null), now)).toBe("SendGrid does not report when this batch sends.");
  });
});
