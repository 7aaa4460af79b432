import { describe, expect, it } from "vitest";
import { DELIVERY_ATTEMPTS, isRetryable, retryDelayMs } from "./retry-policy";

describe("retry policy", () => {
  it("retries 5xx, timeouts and connection failures, never 4xx or a delivered message", () => {
    expect(isRetryable({ kind: "http_error", httpStatus: 500 })).toBe(true);
    expect(isRetryable({ kind: "http_error", httpStatus: 503 })).toBe(true);
    expect(isRetryable({ kind: "timeout" })).toBe(true);
    expect(isRetryable({ kind: "network_error" })).toBe(true);
    expect(isRetryable({ kind: "http_error", httpStatus: 400 })).toBe(false);
    expect(isRetryable({ kind: "http_error", httpStatus: 404 })).toBe(false);
    expect(isRetryable({ kind: "http_error", httpStatus: 429 })).toBe(false);
    expect(isRetryable({ kind: "delivered", httpStatus: 200 })).toBe(false);
    expect(isRetryable({ kind: "refused" })).toBe(false);
  });

  it("reads SMTP codes the SMTP way: 4xx is temporary, 5xx permanent", () => {
    expect(isRetryable({ kind: "smtp_error", responseCode: 451 })).toBe(true);
    expect(isRetryable({ kind: "smtp_error", responseCode: 550 })).toBe(false);
  });

  it("backs off ×4 from the first wait and stops after the last attempt", () => {
    const outage = { kind: "http_error", httpStatus: 502 } as const;
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, outage, 1_000))).toEqual([1_000, 4_000, 16_000]);
    expect(retryDelayMs(DELIVERY_ATTEMPTS, outage, 1_000)).toBeNull();
    expect(retryDelayMs(1, { kind: "http_error", httpStatus: 410 }, 1_000)).toBeNull();
  });
});
