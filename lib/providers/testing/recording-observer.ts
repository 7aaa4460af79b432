import type { ErrorCode } from "@/lib/errors";
import type { CallOutcome } from "../http";
import type { ProviderId } from "../provider-id";
import type { UpstreamObserver } from "../types";

/** Keeps what an adapter reported, for tests that pin what the server's metrics will count. */
export function recordingObserver() {
  const calls: { provider: ProviderId; outcome: CallOutcome }[] = [];
  const errors: { provider: ProviderId; code: ErrorCode }[] = [];
  const observer: UpstreamObserver = {
    onCall: (provider, outcome) => calls.push({ provider, outcome }),
    onError: (provider, code) => errors.push({ provider, code }),
  };
  return { observer, calls, errors };
}
