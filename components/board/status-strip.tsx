import type { BatchCount, Outcome } from "@/lib/batch-snapshot";
import { cn } from "@/lib/class-names";
import { capitalize, formatCount } from "@/lib/format";
import { profileOf } from "@/lib/providers/profiles";
import type { ProviderId } from "@/lib/providers/provider-id";

const FILL = {
  pending: "bg-outcome-pending",
  active: "bg-outcome-active",
  success: "bg-outcome-success",
  unreached: "bg-outcome-unreached",
  failure: "bg-outcome-failure",
} as const satisfies Record<Outcome, string>;

type StatusStripProps = {
  provider: ProviderId;
  counts: BatchCount[];
  showLegend: boolean;
  /** A wall card has no room to grow: the legend keeps to this many lines (all are read out). */
  legendLines?: number;
};

/** The per-status chart of a card: one stacked bar coloured by outcome, and its numbers. */
export function StatusStrip({ provider, counts, showLegend, legendLines }: StatusStripProps) {
  const sum = counts.reduce((total, count) => total + count.count, 0);
  // Sizes follow the card's text unit (--u): a board's card and a wall's card size it differently.
  if (counts.length === 0)
    return <p className="shrink-0 text-muted">No per-status counts</p>;
  return (
    <figure
      aria-label={`${capitalize(profileOf(provider).reports.items.many)} by status`}
      data-testid="status-strip"
      className="shrink-0"
    >
      <div aria-hidden className="flex h-[calc(var(--u)*0.45)] w-full overflow-hidden rounded-full bg-raised">
        {sum > 0 &&
          counts
            .filter((count) => count.count > 0)
            .map((count) => (
              <div
                key={count.status}
                className={cn("h-full", FILL[count.outcome])}
                style={{ width: `${(count.count / sum) * 100}%` }}
              />
            ))}
      </div>
      <figcaption className={showLegend ? "mt-[calc(var(--u)*0.3)]" : "sr-only"}>
        <ul
          className="flex flex-wrap gap-x-[0.9em] gap-y-[0.15em] overflow-hidden text-muted"
          style={legendLines ? { maxHeight: `${legendLines * 1.2 + (legendLines - 1) * 0.15}em` } : undefined}
        >
          {counts.map((count) => (
            <li key={count.status} className="flex items-center gap-[0.35em] whitespace-nowrap">
              <span aria-hidden className={cn("size-[0.55em] rounded-full", FILL[count.outcome])} />
              {count.label}
              <span
                data-testid={`count-${count.status}`}
                data-value={count.count}
                className="font-semibold text-ink tabular-nums"
              >
                {formatCount(count.count)}
              </span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
