import "server-only";
import { AppError } from "@/lib/errors";
import { readRetryAfter } from "./http";
import type { UpstreamResponse } from "./http";
import type { ConnectionTestResult } from "./types";
import type { CallOptions, Upstream } from "./upstream";

type KeyCheckOptions = CallOptions & {
  /** What a 200 means; by default that the key works. */
  readOk?: (response: UpstreamResponse) => ConnectionTestResult;
};

/** Runs a provider's cheap authenticated GET and says in plain words whether the key works. */
export async function checkKey(upstream: Upstream, path: readonly string[], { readOk, ...options }: KeyCheckOptions = {}): Promise<ConnectionTestResult> {
  const name = upstream.providerName;
  let response: UpstreamResponse;
  try {
    response = await upstream.get(path, options);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: `Could not check the key: ${error.message}` };
    throw error;
  }
  if (response.status === 200) return readOk ? readOk(response) : keyWorks(name);
  return describeFailure(name, response);
}

export function keyWorks(providerName: string): ConnectionTestResult {
  return { ok: true, message: `The key works: ${providerName} accepted it.` };
}

function describeFailure(name: string, response: UpstreamResponse): ConnectionTestResult {
  const { status } = response;
  if (status === 401 || status === 403) {
    return {
      ok: false,
      message: `The key does not work: ${name} rejected it (HTTP ${status}). Check that it was copied in full and has not been revoked.`,
    };
  }
  if (status === 429) {
    const wait = readRetryAfter(response.headers);
    const retry = wait === null ? "Try again in a minute." : `Try again in ${wait} s.`;
    return { ok: false, message: `Could not check the key: ${name} is rate limiting requests. ${retry}` };
  }
  if (status >= 300 && status < 400) {
    return { ok: false, message: `Could not check the key: ${name} answered with a redirect, which is not followed.` };
  }
  return { ok: false, message: `Could not check the key: ${name} answered HTTP ${status}.` };
}
