import { describe, expect, it } from "vitest";
import { safeAuditDetails } from "./audit-details";

describe("safeAuditDetails", () => {
  it("drops anything named like a secret or recipient data, whatever its value", () => {
    const details = safeAuditDetails({
      provider: "sendgrid",
      apiKey: "sk_live_123",
      token: "sb_abc",
      clientSecret: "x",
      password: "hunter2",
      Authorization: "Bearer x",
      recipient: "+34600000000",
      phoneNumber: "+34600000000",
      email: "someone@example.com",
      to: "operator",
    });
    expect(details).toEqual({ provider: "sendgrid", to: "operator" });
  });

  it("keeps a handful of short, finite, flat values", () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [`field${index}`, index]),
    );
    expect(Object.keys(safeAuditDetails(many))).toHaveLength(16);
    const clipped = safeAuditDetails({
      reason: "x".repeat(500),
      count: Number.NaN,
      ok: true,
      none: null,
    });
    expect(clipped).toEqual({ reason: `${"x".repeat(199)}…`, ok: true, none: null });
    expect(safeAuditDetails(undefined)).toEqual({});
  });
});
