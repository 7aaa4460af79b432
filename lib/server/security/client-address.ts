import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIPv6 } from "node:net";
import type { Socket } from "node:net";
import { processSingleton } from "../process-singleton";

// Route handlers never see the socket, and `next start` only fills X-Forwarded-For from it when the
// client sent none (`??=` in Next's base server), so the header alone cannot be trusted. Node
// announces every request on this channel before the server's own handler runs: the socket's peer
// address is stamped on the request under a name of ours, replacing whatever a client sent by it.
export const PEER_ADDRESS_HEADER = "x-sendboard-peer-address";

type RequestStart = { request: IncomingMessage; socket: Socket };

/** Once per process, at start-up (instrumentation.ts). */
export function stampPeerAddresses(): void {
  processSingleton("security:peer-address-stamp", () => {
    subscribe("http.server.request.start", (message) => {
      const { request, socket } = message as RequestStart;
      request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
    });
    return true;
  });
}

/**
 * Who is asking, for sign-in throttling: the socket's peer, or with `trustedProxyHops` = N the N-th
 * X-Forwarded-For entry from the right (each trusted proxy appends the address it saw). A request
 * that came through fewer proxies than that names its first entry. IPv6 counts by /64, the block
 * one subscriber usually holds.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER) || "unknown";
  if (trustedProxyHops === 0) return normalizedAddress(peer);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = chain[Math.max(0, chain.length - trustedProxyHops)];
  return normalizedAddress(entry ?? peer);
}

/** The form clientAddress answers in: IPv4-mapped IPv6 as IPv4, other IPv6 as its /64; also for lists compared to it. */
export function normalizedAddress(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  return isIPv6(bare) ? ipv6Block(bare) : bare;
}

function ipv6Block(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  // An embedded IPv4 tail takes two groups' room; it never reaches the first four.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes(".") ? 2 : 1), 0);
  const zeros = address.includes("::") ? 8 - width(headGroups) - width(tailGroups) : 0;
  const groups = [...headGroups, ...Array<string>(zeros).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
