import type { AlertRuleKind, ContactPointType } from "@/lib/alerts";

export const CONTACT_POINT_LABELS = { slack: "Slack", webhook: "Webhook", email: "Email" } satisfies Record<ContactPointType, string>;

export const RULE_KIND_LABELS = {
  finished: "Finished (completed, partial, failed or cancelled)",
  failure_share: "Failure share above a percentage",
  stalled: "Stalled for some minutes",
  stale: "Provider unreachable for some minutes",
  slow: "Throughput below some items a minute",
  pause_window: "Last chance to pause (SendGrid)",
} satisfies Record<AlertRuleKind, string>;
