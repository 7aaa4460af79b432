import { formatCount, formatShare } from "@/lib/format";
import type { RecipientReason, RecipientsPage } from "@/lib/recipients";

type RecipientReasonsProps = {
  reasons: RecipientReason[];
  over: RecipientsPage["reasonsOver"];
  /** Searching for a reason lists its rows. */
  onPick: (reason: string) => void;
};

/** "Why did 3 % fail?": the reasons, most first, each a share of the rows it was counted over. */
export function RecipientReasons({ reasons, over, onPick }: RecipientReasonsProps) {
  const total = over?.rows ?? reasons.reduce((sum, reason) => sum + reason.count, 0);
  return (
    <section aria-label="Why they did not succeed" data-testid="recipient-reasons">
      <p className="mb-2 text-sm text-muted" data-testid="recipient-reasons-scope">
        {over?.complete === false
          ? `By reason, over the first ${formatCount(total)} rows read; the provider has more.`
          : `By reason, over all ${formatCount(total)} rows that did not succeed.`}
      </p>
      <ul className="space-y-1.5">
        {reasons.map(({ reason, count }) => (
          <li key={reason}>
            <button
              type="button"
              onClick={() => onPick(reason)}
              className="group grid w-full grid-cols-[1fr_auto_3.5rem] items-center gap-3 text-left text-sm"
              title="List these recipients"
            >
              <span className="relative min-w-0 truncate">
                <span
                  aria-hidden
                  className="absolute inset-y-0 left-0 rounded bg-outcome-failure/15"
                  style={{ width: `${Math.max(2, (count / Math.max(1, total)) * 100)}%` }}
                />
                <span className="relative px-1.5 text-ink group-hover:underline">{reason}</span>
              </span>
              <span className="tabular-nums text-ink" data-testid="recipient-reason-count">
                {formatCount(count)}
              </span>
              <span className="text-right tabular-nums text-muted">{formatShare(count / Math.max(1, total))}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
