import type { BatchSnapshot } from "./batch-snapshot";
import { formatMoment, formatRelativeTime, parseTimestamp } from "./format";
import { PROVIDER_INFO } from "./providers/provider-id";

/** "Sends at 14:50 — in 23 min", "Was due at 14:50 — 5 min ago", or that the provider does not say. */
export function sendTimeOf(
  snapshot: Pick<BatchSnapshot, "provider" | "scheduledAt">,
  now: number,
): string {
  const at = parseTimestamp(snapshot.scheduledAt);
  if (at === null)
    return `${PROVIDER_INFO[snapshot.provider].name} does not report when this batch sends.`;
  const moment = formatMoment(at, now);
  return at > now
    ? `Sends at ${moment} — ${formatRelativeTime(at, now)}`
    : `Was due at ${moment} — ${formatRelativeTime(at, now)}`;
}
