import "server-only";
import type { AlertBatch, AlertMessage, AlertRuleKind } from "@/lib/alerts";
import { countOf } from "@/lib/batch-counts";
import { batchPagePath } from "@/lib/batch-page-path";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { formatCount, formatPercent } from "@/lib/format";
import { PROVIDER_INFO, isProviderId } from "@/lib/providers/provider-id";
import { appOrigin } from "../app-url";
import type { PollKey } from "../polling";

/** The batch as every message describes it; the link opens its page through the same connection. */
export function alertBatchOf(key: PollKey, snapshot: BatchSnapshot): AlertBatch {
  return {
    provider: key.provider,
    batchId: key.batchId,
    name: snapshot.name,
    state: snapshot.state,
    processed: snapshot.processed,
    total: snapshot.total,
    failed: countOf(snapshot, "failure"),
    url: `${appOrigin()}${batchPagePath(key.provider, key.batchId, key.connectionId)}`,
  };
}

const KIND_WORDS = {
  finished: "finished",
  failure_share: "has too many failures",
  stalled: "has stalled",
  stale: "cannot be read from its provider",
  slow: "is sending slowly",
  pause_window: "can be paused for a few more minutes only",
} satisfies Record<AlertRuleKind, string>;

const RESOLVED_WORDS = {
  finished: "finished",
  failure_share: "over the failure threshold",
  stalled: "stalled",
  stale: "unreadable",
  slow: "slow",
  pause_window: "in its last minutes to pause",
} satisfies Record<AlertRuleKind, string>;

/** One line a person reads first: the Slack header, the email subject. */
export function headlineOf(message: AlertMessage): string {
  const name = message.batch.name ?? message.batch.batchId;
  if (message.type === "test") return `Sendboard test message: this contact point works`;
  if (message.type === "alert.resolved") return `Resolved: ${name} is no longer ${RESOLVED_WORDS[message.rule.kind]}`;
  return message.rule.kind === "finished" ? `${name} ${message.batch.state}` : `${name} ${KIND_WORDS[message.rule.kind]}`;
}

export function providerName(provider: string): string {
  return isProviderId(provider) ? PROVIDER_INFO[provider].name : provider;
}

export function progressText(batch: AlertBatch): string {
  if (batch.total === null || batch.total === 0) return `${formatCount(batch.processed)} processed`;
  return `${formatCount(batch.processed)} of ${formatCount(batch.total)} (${formatPercent(batch.processed / batch.total)})`;
}

/** The lines an email's body and a Slack message's fields are made of. */
export function factsOf(message: AlertMessage): Array<[label: string, value: string]> {
  const { batch } = message;
  return [
    ["Batch", batch.name ? `${batch.name} (${batch.batchId})` : batch.batchId],
    ["Provider", providerName(batch.provider)],
    ["State", batch.state],
    ["Counts", `${formatCount(batch.processed)} processed, ${formatCount(batch.failed)} failed`],
    ["Progress", progressText(batch)],
  ];
}
