import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "../security/client-address";
import { isAllowedSource, parseAllowlist, storedAllowlist } from "./allowlist";

const from = (peer: string, forwarded?: string) =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

describe("a Bolna hook's source allowlist", () => {
  it("lets any address through while empty", () => {
    expect(isAllowedSource("", "203.0.113.1")).toBe(true);
  });

  it("compares in clientAddress's form: IPv4-mapped IPv6 is the IPv4 address, other IPv6 its /64", () => {
    const stored = storedAllowlist(parseAllowlist([" 13.203.39.153 ", "2001:db8:1:2::5", "13.203.39.153", ""]));
    expect(stored).toBe("13.203.39.153\n2001:db8:1:2::/64");
    expect(isAllowedSource(stored, clientAddress(from("::ffff:13.203.39.153"), 0))).toBe(true);
    expect(isAllowedSource(stored, clientAddress(from("2001:db8:1:2:aaaa::1"), 0))).toBe(true);
    expect(isAllowedSource(stored, clientAddress(from("2001:db8:1:3::1"), 0))).toBe(false);
    expect(isAllowedSource(stored, clientAddress(from("13.203.39.154"), 0))).toBe(false);
  });

  it("trusts X-Forwarded-For only as far as TRUSTED_PROXY_HOPS says", () => {
    const stored = storedAllowlist(parseAllowlist(["13.203.39.153"]));
    // A client writing the allowed address into the header itself gains nothing without a trusted proxy.
    expect(isAllowedSource(stored, clientAddress(from("198.51.100.7", "13.203.39.153"), 0))).toBe(false);
    expect(isAllowedSource(stored, clientAddress(from("10.0.0.2", "13.203.39.153"), 1))).toBe(true);
    expect(isAllowedSource(stored, clientAddress(from("10.0.0.2", "13.203.39.153, 198.51.100.7"), 1))).toBe(false);
  });

  it("refuses anything that is not an IP address", () => {
    expect(() => parseAllowlist(["bolna.ai"])).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => parseAllowlist(["13.203.39.0/24"])).toThrow(expect.objectContaining({ code: "bad_request" }));
  });
});
