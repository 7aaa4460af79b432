import { describe, expect, it } from "vitest";
import { BODY_MARKER } from "../testing/upstream-failure-cases";
import invalidBatchId from "./fixtures/docs-invalid-batch-id-400.json";
import already from "./fixtures/scheduled-send-400-already.json";
import maxReached from "./fixtures/scheduled-send-400-max.json";
import tooLate from "./fixtures/scheduled-send-400-too-late.json";
import unrecognised from "./fixtures/scheduled-send-400-unrecognised.json";
import { refusalOf400, REFUSALS } from "./control-refusal";

const notAllowed = (message: string) => ({ kind: "refused", reason: "not_allowed", message });

describe("refusalOf400", () => {
  it.each([
    ["already paused or cancelled", already, REFUSALS.alreadyHeld],
    ["the maximum of 10 reached", maxReached, REFUSALS.maxReached],
    ["less than 10 minutes before send_at", tooLate, REFUSALS.tooLate],
    ["a text Sendboard does not know", unrecognised, REFUSALS.other],
    ["a body that is not SendGrid's", "<html>Bad Request</html>", REFUSALS.other],
  ])("tells %s in its own words", (_name, body, message) => {
    const result = refusalOf400(body);
    expect(result).toEqual(notAllowed(message));
    expect(JSON.stringify(result)).not.toContain(BODY_MARKER);
  });

  it("reads the documented 'invalid batch id' as not_found", () => {
    expect(() => refusalOf400(invalidBatchId)).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
  });
});
