import type { BatchCount } from "@/lib/batch-snapshot";
import { cn } from "@/lib/class-names";
import { capitalize, formatCount, formatShare, shareOf } from "@/lib/format";
import { profileOf } from "@/lib/providers/profiles";
import type { ProviderId } from "@/lib/providers/provider-id";
import { OUTCOME_STYLES } from "./batch-styles";

type StatusCountersProps = { provider: ProviderId; counts: BatchCount[]; total: number | null };

export function StatusCounters({ provider, counts, total }: StatusCountersProps) {
  const { items, captions } = profileOf(provider).reports;
  if (counts.length === 0) {
    return (
      <p className="rounded-xl border border-line bg-panel p-5 text-muted">
        No per-status counts for this batch.
      </p>
    );
  }
  return (
    <ul
      aria-label={`${capitalize(items.many)} by status`}
      className="grid grid-cols-2 gap-3 sm:grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] sm:gap-4"
    >
      {counts.map((count) => {
        const outcome = OUTCOME_STYLES[count.outcome];
        const share = shareOf(count.count, total);
        return (
          <li
            key={count.status}
            data-outcome={count.outcome}
            className={cn("rounded-xl border border-line border-t-4 bg-panel p-4", outcome.border)}
          >
            <p className="truncate text-sm font-medium text-muted sm:text-base" title={count.label}>
              {count.label}
            </p>
            <p
              data-testid={`count-${count.status}`}
              data-value={count.count}
              className={cn(
                "mt-1 text-stat tabular-nums",
                count.outcome === "pending" ? "text-ink" : outcome.text,
              )}
            >
              {formatCount(count.count)}
            </p>
            <p
              className="mt-1 text-xs text-faint sm:text-sm"
              data-testid={`caption-${count.status}`}
            >
              {/* The provider's own caption where the outcome's word would claim more than it reports. */}
              {captions[count.status] ?? outcome.label}
              {share !== null && ` · ${formatShare(share)} of total`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
