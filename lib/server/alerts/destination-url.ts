import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { ContactPointType } from "@/lib/alerts";
import { AppError } from "@/lib/errors";
import { isPrivateAddress } from "./private-address";

export type DestinationPolicy = { allowPrivate: boolean };

const SLACK_HOST = "hooks.slack.com";

/**
 * A contact point's URL, checked before it is stored and again before every delivery: HTTPS, no
 * credentials, Slack's own host for Slack, and no private address. With ALERTS_ALLOW_PRIVATE_URLS=1
 * (tests, a demo on one machine) private hosts and plain http:// are allowed, and a Slack-shaped
 * receiver may sit on such a host, since loopback receivers have no certificate.
 */
export function checkDestinationUrl(type: Exclude<ContactPointType, "email">, value: string, policy: DestinationPolicy): URL {
  if (!URL.canParse(value)) throw refusal("That is not a URL.");
  const url = new URL(value);
  const plainHttpAllowed = policy.allowPrivate && url.protocol === "http:";
  if (url.protocol !== "https:" && !plainHttpAllowed) throw refusal("The URL must start with https://.");
  if (url.username || url.password) throw refusal("The URL must not carry a user name or password.");
  const host = url.hostname.toLowerCase();
  const local = isLocalName(host) || isPrivateAddress(host);
  if (local && !policy.allowPrivate) throw refusal("The URL points at a private, loopback or link-local address, which alerts may not reach.");
  if (type === "slack" && host !== SLACK_HOST && !(policy.allowPrivate && local)) {
    throw refusal("A Slack contact point takes a Slack incoming-webhook URL: https://hooks.slack.com/…");
  }
  return url;
}

/**
 * Just before a delivery: the name must not resolve to a private address now (it may have been
 * public when saved). Resolution failures are left to the request itself to report.
 */
export async function assertPublicDestination(url: URL, policy: DestinationPolicy, resolve = resolveAll): Promise<void> {
  if (policy.allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw refusal("The URL points at a private address.");
    return;
  }
  const addresses = await resolve(host).catch(() => []);
  if (addresses.some(isPrivateAddress)) throw refusal("The URL's host resolves to a private, loopback or link-local address.");
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}

function isLocalName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal") || (!host.includes(".") && isIP(host) === 0);
}

function refusal(message: string): AppError {
  return new AppError("bad_request", message);
}
