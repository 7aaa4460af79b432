import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatCount } from "@/lib/format";
import type { RecentSend } from "@/lib/recent-sends";
import { StateBadge } from "./state-badge";

type RecentSendRowProps = {
  send: RecentSend;
  now: number;
  pickLabel: string;
  /** The watched list cannot hold a batch twice: its rows already there are not offered. */
  watchedIsTaken: boolean;
  disabled: boolean;
  onPick: (send: RecentSend) => void;
};

/** One send of the picker: what it is called, its state and size, when it began, and the button that adds it. */
export function RecentSendRow({ send, now, pickLabel, watchedIsTaken, disabled, onPick }: RecentSendRowProps) {
  const name = send.name ?? send.batchId;
  const taken = watchedIsTaken && send.watched;
  return (
    <li
      data-testid="recent-send"
      data-provider={send.provider}
      data-batch-id={send.batchId}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line py-2 last:border-b-0"
    >
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm text-ink">{name}</p>
        {send.name && <p className="truncate font-mono text-xs text-faint">{send.batchId}</p>}
      </div>
      {/* The provider's word on hover only: the badge's inline one is too faint on this row's background. */}
      <span title={send.providerStatus ? `Provider status: ${send.providerStatus}` : undefined}>
        <StateBadge state={send.state} />
      </span>
      <span className="w-28 text-right text-sm tabular-nums text-muted">
        {formatCount(send.processed)} / {formatCount(send.total)}
      </span>
      <RelativeTime value={send.createdAt ?? send.scheduledAt} now={now} className="w-24 text-right text-xs text-faint" />
      <Button size="sm" variant="secondary" disabled={disabled || taken} aria-label={`${taken ? "Watching" : pickLabel} ${name}`} onClick={() => onPick(send)}>
        {taken ? "Watching" : pickLabel}
      </Button>
    </li>
  );
}
