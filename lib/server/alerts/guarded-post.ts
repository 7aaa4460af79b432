import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";
import { isPrivateAddress } from "./private-address";

export type GuardedPost = { headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean; lookup?: LookupFunction };

/**
 * One POST whose connection goes only to a public address: the name is resolved for the
 * connection itself and every answer checked there, so a name that resolved to a public address
 * when it was checked and to a private one a moment later (DNS rebinding) is refused. Redirects
 * are not followed (a 3xx is the answer). Resolves with the status; rejects with the AppError of
 * a refusal, a TimeoutError, or the connection's error.
 */
export function guardedPost(url: URL, options: GuardedPost): Promise<number> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  const lookup = options.allowPrivate ? options.lookup : publicOnly(options.lookup ?? (dnsLookup as LookupFunction));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) }, ...(lookup && { lookup }) }, (response) => {
      clearTimeout(timer);
      // The receiver's words are never read: only the status counts.
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    const timer = setTimeout(() => req.destroy(timeoutError()), options.timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(options.body);
  });
}

/** Every address `lookup` gives the host, as the delivery's first check reads them. */
export function resolveWith(lookup: LookupFunction): (host: string) => Promise<string[]> {
  return (host) =>
    new Promise((resolve, reject) =>
      lookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve((Array.isArray(found) ? found : [{ address: found }]).map((entry) => entry.address)))),
    );
}

function publicOnly(lookup: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, "", 0);
      const addresses = (Array.isArray(found) ? found : [{ address: found, family: 4 }]) as LookupAddress[];
      if (addresses.length === 0 || addresses.some((entry) => isPrivateAddress(entry.address))) {
        return callback(new AppError("bad_request", "The URL's host resolves to a private, loopback or link-local address.") as unknown as NodeJS.ErrnoException, "", 0);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function timeoutError(): Error {
  const error = new Error("The receiver did not answer in time.");
  error.name = "TimeoutError";
  return error;
}
