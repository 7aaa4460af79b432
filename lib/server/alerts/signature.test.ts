import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhookBody } from "./signature";

describe("signWebhookBody", () => {
  it("signs `t.body` with HMAC-SHA256 as `t=<unix>,v1=<hex>` (vector from `openssl dgst -sha256 -hmac`)", () => {
    expect(signWebhookBody("whsec_example", '{"type":"test"}', 1_700_000_000)).toBe(
      "t=1700000000,v1=6f643036279e5ccae8db3b8f4801131963a256111a7dcf0f6f1b6cb1f64c8dd7",
    );
  });

  it("changes with the time and with any byte of the body", () => {
    const base = signWebhookBody("whsec_example", '{"type":"test"}', 1_700_000_000);
    expect(signWebhookBody("whsec_example", '{"type":"test"}', 1_700_000_001)).not.toBe(base);
    expect(signWebhookBody("whsec_example", '{"type":"tesT"}', 1_700_000_000).split(",")[1]).not.toBe(base.split(",")[1]);
  });
});

describe("newWebhookSecret", () => {
  it("is 32 random bytes, different every time", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
