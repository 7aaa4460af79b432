import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AuditEvent, AuditOutcome } from "@/lib/audit-event";
import { formatDateTime } from "@/lib/format";
import { auditActorName, auditDescription, auditNote, OUTCOME_LABELS } from "@/lib/audit-sentence";

const OUTCOME_TONES = {
  ok: "text-outcome-success",
  refused: "text-notice-warning",
  failed: "text-outcome-failure",
} as const satisfies Record<AuditOutcome, string>;

export function ActivityRow({ event, now }: { event: AuditEvent; now: number }) {
  const note = auditNote(event);
  return (
    <li
      data-testid="activity-row"
      data-action={event.action}
      data-outcome={event.outcome}
      className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 px-4 py-3"
    >
      <div className="min-w-0">
        <p className="break-words">
          <span className="font-semibold">{auditActorName(event)}</span> {auditDescription(event)}{" "}
          <Badge tone={OUTCOME_TONES[event.outcome]}>{OUTCOME_LABELS[event.outcome]}</Badge>
        </p>
        {note && <p className="mt-0.5 text-sm text-muted">{note}</p>}
      </div>
      <div className="shrink-0 text-sm text-muted sm:text-right">
        <p>
          <RelativeTime value={event.at} now={now} />
        </p>
        {/* An audit row is read long after: the exact time stays on screen, not only on hover. */}
        <p className="text-xs text-faint">
          {formatDateTime(event.at)}
          {event.address && (
            <span title="The client address the request came from"> · {event.address}</span>
          )}
        </p>
      </div>
    </li>
  );
}
