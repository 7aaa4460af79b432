import "server-only";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";
import { normalizedAddress } from "../security/client-address";

/**
 * The stored form: one address a line, each normalised as clientAddress normalises the caller's
 * (an IPv6 entry stands for its /64), so the check below is a plain comparison. Empty: any address.
 */
export function parseAllowlist(entries: readonly string[]): string[] {
  const addresses = entries.map((entry) => entry.trim()).filter(Boolean);
  for (const address of addresses) {
    if (isIP(address) === 0) throw new AppError("bad_request", "Each allowed source must be an IPv4 or IPv6 address.");
  }
  return [...new Set(addresses.map(normalizedAddress))];
}

export function allowlistOf(stored: string): string[] {
  return stored.split("\n").filter(Boolean);
}

export function storedAllowlist(addresses: readonly string[]): string {
  return addresses.join("\n");
}

/** `address` is clientAddress's answer (TRUSTED_PROXY_HOPS decides which hop is the caller). */
export function isAllowedSource(stored: string, address: string): boolean {
  const allowed = allowlistOf(stored);
  return allowed.length === 0 || allowed.includes(address);
}
