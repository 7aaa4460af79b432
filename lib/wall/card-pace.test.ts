import { describe, expect, it } from "vitest";
import { cardPaceText } from "./card-pace";

const insights = (
  recent: number | null,
  etaRange: { lowSeconds: number; highSeconds: number } | null,
) => ({
  throughputPerMinute: { recent, average: recent, averageSince: "sending-began" as const },
  etaRange,
  stalled: false,
  provisional: false,
  historyPoints: 10,
});

describe("cardPaceText", () => {
  it("shows the measured time left and the recent throughput of a running batch", () => {
    expect(
      cardPaceText({
        state: "running",
        etaSeconds: null,
        insights: insights(1240, { lowSeconds: 720, highSeconds: 900 }),
      }),
    ).toBe("12–15 min left · 1,240/min");
  });

  it("prefers the provider's own estimate, and says what is not known yet", () => {
    expect(
      cardPaceText({
        state: "running",
        etaSeconds: 300,
        insights: insights(4.5, { lowSeconds: 60, highSeconds: 90 }),
      }),
    ).toBe("5 min left · 4.5/min");
    expect(cardPaceText({ state: "running", etaSeconds: null, insights: insights(30, null) })).toBe(
      "30/min · time left not known yet",
    );
    expect(cardPaceText({ state: "running", etaSeconds: null, insights: undefined })).toBe(
      "Measuring the pace…",
    );
  });

  it("says nothing for a batch that is not running", () => {
    expect(
      cardPaceText({ state: "completed", etaSeconds: null, insights: insights(10, null) }),
    ).toBeNull();
    expect(cardPaceText({ state: "queued", etaSeconds: 60, insights: undefined })).toBeNull();
  });
});
