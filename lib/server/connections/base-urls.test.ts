import { describe, expect, it } from "vitest";
import { baseUrlFor } from "./base-urls";
import { testEnv } from "./test-deps";

describe("baseUrlFor", () => {
  it("uses the configured URL of each provider", () => {
    const env = testEnv({ MIGMA_API_URL: "http://127.0.0.1:4110", MINDO_API_URL: "https://mindo.example" });
    expect(baseUrlFor(env, "migma", null)).toBe("http://127.0.0.1:4110");
    expect(baseUrlFor(env, "mindo", null)).toBe("https://mindo.example");
    expect(baseUrlFor(env, "bolna", null)).toBe("https://api.bolna.ai");
  });

  it("sends SendGrid's EU region to the EU host by default", () => {
    const env = testEnv();
    expect(baseUrlFor(env, "sendgrid", "global")).toBe("https://api.sendgrid.com");
    expect(baseUrlFor(env, "sendgrid", "eu")).toBe("https://api.eu.sendgrid.com");
  });

  it("uses a non-default SENDGRID_API_URL (the simulator) for both regions", () => {
    const env = testEnv({ SENDGRID_API_URL: "http://127.0.0.1:4110" });
    expect(baseUrlFor(env, "sendgrid", "global")).toBe("http://127.0.0.1:4110");
    expect(baseUrlFor(env, "sendgrid", "eu")).toBe("http://127.0.0.1:4110");
  });
});
