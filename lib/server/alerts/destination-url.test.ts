import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertPublicDestination, checkDestinationUrl } from "./destination-url";
import { isPrivateAddress } from "./private-address";

const strict = { allowPrivate: false };
const relaxed = { allowPrivate: true };

describe("isPrivateAddress", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "[::1]"])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
  it.each(["8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "example.com"])("allows %s", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe("checkDestinationUrl", () => {
  const refused = (run: () => unknown) => {
    let error: unknown;
    try {
      run();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request");
    return (error as AppError).message;
  };

  it("takes a public HTTPS webhook and a Slack hook", () => {
    expect(checkDestinationUrl("webhook", "https://alerts.example.com/in", strict).host).toBe("alerts.example.com");
    expect(checkDestinationUrl("slack", "https://hooks.slack.com/services/T0/B0/xyz", strict).host).toBe("hooks.slack.com");
  });

  it("refuses plain http, credentials, and Slack URLs on other hosts", () => {
    expect(refused(() => checkDestinationUrl("webhook", "http://alerts.example.com/in", strict))).toMatch(/https/);
    expect(refused(() => checkDestinationUrl("webhook", "https://user:pw@alerts.example.com/in", strict))).toMatch(/password/);
    expect(refused(() => checkDestinationUrl("slack", "https://hooks.slack.com.evil.example/services/x", strict))).toMatch(/hooks\.slack\.com/);
    expect(refused(() => checkDestinationUrl("webhook", "not a url", strict))).toMatch(/not a URL/);
  });

  it.each(["https://127.0.0.1/x", "https://localhost/x", "https://[::1]/x", "https://169.254.169.254/latest", "https://10.0.0.8/x", "https://intranet/x", "https://printer.local/x"])(
    "refuses the private destination %s unless ALERTS_ALLOW_PRIVATE_URLS is set",
    (url) => {
      expect(refused(() => checkDestinationUrl("webhook", url, strict))).toMatch(/private/);
      expect(checkDestinationUrl("webhook", url, relaxed).href).toBe(new URL(url).href);
    },
  );

  it("with the flag, allows plain http and a Slack-shaped receiver on loopback, but still no foreign public host for Slack", () => {
    expect(checkDestinationUrl("webhook", "http://127.0.0.1:4000/hook", relaxed).protocol).toBe("http:");
    expect(checkDestinationUrl("slack", "http://127.0.0.1:4000/services/x", relaxed).port).toBe("4000");
    refused(() => checkDestinationUrl("slack", "https://example.com/services/x", relaxed));
  });
});

describe("assertPublicDestination", () => {
  it("refuses a public-looking name that resolves to a private address at delivery time", async () => {
    const url = new URL("https://rebound.example.com/x");
    await expect(assertPublicDestination(url, strict, async () => ["93.184.216.34", "127.0.0.1"])).rejects.toThrow(/private/);
    await expect(assertPublicDestination(url, strict, async () => ["93.184.216.34"])).resolves.toBeUndefined();
    await expect(assertPublicDestination(url, relaxed, async () => ["127.0.0.1"])).resolves.toBeUndefined();
  });
});
