import "server-only";
import { AppError } from "@/lib/errors";
import { requestUpstream, upstreamStatusError } from "./http";
import type { CallOutcome, UpstreamMethod, UpstreamResponse } from "./http";
import type { ProviderProfile } from "./provider-profile";
import type { ProviderId } from "./provider-id";
import type { UpstreamContext } from "./types";

/** How a provider wants its key: called once per request, so the key is read only while it is sent. */
export type AuthHeaders = (apiKey: string) => Record<string, string>;

export const bearerAuth: AuthHeaders = (apiKey) => ({ Authorization: `Bearer ${apiKey}` });

export type CallOptions = { trailingSlash?: boolean; query?: Readonly<Record<string, string>> };

/** One provider account, ready for calls: a client function states only its path and how it reads the answer. */
export type Upstream = {
  readonly providerName: string;
  get(path: readonly string[], options?: CallOptions): Promise<UpstreamResponse>;
  /** Control calls (pause, stop, …); a body goes as JSON. */
  send(method: Exclude<UpstreamMethod, "GET">, path: readonly string[], options?: CallOptions & { body?: unknown }): Promise<UpstreamResponse>;
  /** The shared AppError for a status the adapter gives no meaning of its own, counted as an upstream error. */
  statusError(response: UpstreamResponse): AppError;
  /** Runs a transform on an answer; one it cannot read (provider_bad_response) is counted as an upstream error. */
  read<T>(transform: () => T): T;
};

export function upstreamFor(
  profile: Pick<ProviderProfile<ProviderId>, "id" | "name">,
  { access, signal }: UpstreamContext,
  authHeaders: AuthHeaders,
): Upstream {
  const { observer } = access;
  const onOutcome = (outcome: CallOutcome, seconds: number) => {
    observer.onCall(profile.id, outcome, seconds);
    if (outcome === "timeout") observer.onError(profile.id, "provider_timeout");
    if (outcome === "network_error") observer.onError(profile.id, "provider_error");
  };
  const call = (method: UpstreamMethod, path: readonly string[], options: CallOptions & { body?: unknown } = {}) =>
    requestUpstream({
      ...options,
      providerName: profile.name,
      baseUrl: access.baseUrl,
      method,
      path,
      headers: authHeaders(access.readApiKey()),
      timeoutMs: access.timeoutMs,
      signal,
      onOutcome,
    });
  return {
    providerName: profile.name,
    get: (path, options) => call("GET", path, options),
    send: (method, path, options) => call(method, path, options),
    statusError(response) {
      const error = upstreamStatusError(profile.name, response);
      observer.onError(profile.id, error.code);
      return error;
    },
    read(transform) {
      try {
        return transform();
      } catch (error) {
        if (error instanceof AppError && error.code === "provider_bad_response") observer.onError(profile.id, error.code);
        throw error;
      }
    },
  };
}
