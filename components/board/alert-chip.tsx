import { Badge } from "@/components/ui/badge";
import type { AlertRuleKind, FiringAlert } from "@/lib/alerts";

const SHORT = {
  finished: "Finished",
  failure_share: "Failures above limit",
  stalled: "Stalled",
  stale: "Provider unreachable",
  slow: "Slow",
  pause_window: "Pause closes soon",
} satisfies Record<AlertRuleKind, string>;

/** A firing alert on a card: calm, unless what fired is a real failure. */
export function AlertChip({ alerts }: { alerts: readonly FiringAlert[] }) {
  const [first] = alerts;
  if (!first) return null;
  const failure = alerts.some((alert) => alert.failure);
  const text = alerts.length === 1 ? SHORT[first.kind] : `${alerts.length} alerts`;
  return (
    <Badge
      size="inherit"
      tone={failure ? "text-outcome-failure" : "text-notice-info"}
      data-testid="alert-chip"
      data-kinds={alerts.map((alert) => alert.kind).join(" ")}
      title={`Alert firing: ${alerts.map((alert) => SHORT[alert.kind]).join(", ")}`}
    >
      <span aria-hidden>●</span> {text}
    </Badge>
  );
}
