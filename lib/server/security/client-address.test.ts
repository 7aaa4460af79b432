import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER, stampPeerAddresses } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("the client address", () => {
  it("is the socket's peer by default, whatever X-Forwarded-For says", () => {
    const forged = headers({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.9" });
    expect(clientAddress(forged, 0)).toBe("198.51.100.7");
  });

  it("with N trusted proxies is the N-th X-Forwarded-For entry from the right", () => {
    const chain = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.9, 198.51.100.7, 10.0.0.1" });
    expect(clientAddress(chain, 1)).toBe("10.0.0.1");
    expect(clientAddress(chain, 2)).toBe("198.51.100.7");
    // Fewer entries than proxies: the first one, never a value from further left than the chain has.
    expect(clientAddress(chain, 5)).toBe("203.0.113.9");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("counts IPv4-mapped addresses as IPv4 and IPv6 by its /64", () => {
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "::ffff:192.0.2.4" }), 0)).toBe("192.0.2.4");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "2001:db8:1:2:aaaa::1" }), 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "2001:db8:1:2:ffff:1:2:3" }), 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "2001:db8::1" }), 0)).toBe("2001:db8:0:0::/64");
    expect(clientAddress(headers({ "x-forwarded-for": "[2001:db8:5::9]:443" }), 1)).toBe("2001:db8:5:0::/64");
  });

  it("is 'unknown' when nothing names it", () => {
    expect(clientAddress(headers({}), 0)).toBe("unknown");
  });
});

describe("stamping the peer address on every request", () => {
  let server: ReturnType<typeof createServer>;
  let port: number;
  beforeAll(async () => {
    stampPeerAddresses();
    stampPeerAddresses();
    server = createServer((request, response) => response.end(JSON.stringify(request.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // Linux routes all of 127.0.0.0/8 to loopback, so a second local source address is a second client.
  const seenFrom = (localAddress: string) =>
    new Promise<unknown>((resolve, reject) => {
      const call = httpRequest({ host: "127.0.0.1", port, localAddress, headers: { [PEER_ADDRESS_HEADER]: "203.0.113.66" } }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve(JSON.parse(body)));
      });
      call.on("error", reject);
      call.end();
    });

  it("replaces a header the client sent under that name with the socket's address", async () => {
    expect(await seenFrom("127.0.0.1")).toBe("127.0.0.1");
    expect(await seenFrom("127.0.0.2")).toBe("127.0.0.2");
  });
});
