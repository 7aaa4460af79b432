import type { TooltipContentProps } from "recharts";
import { formatCount, formatShare, shareOf } from "@/lib/format";

const time = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

type ProgressChartTooltipProps = Pick<
  TooltipContentProps<number, string>,
  "active" | "payload" | "label"
> & {
  total: number | null;
};

/** What the pointer is over: when, and how many were processed by then. */
export function ProgressChartTooltip({ active, payload, label, total }: ProgressChartTooltipProps) {
  const processed = payload?.[0]?.value;
  if (!active || typeof processed !== "number" || typeof label !== "number") return null;
  return (
    <div
      data-testid="chart-tooltip"
      className="rounded-lg border border-line bg-raised px-3 py-2 text-sm shadow-lg"
    >
      <p className="text-muted tabular-nums">{time.format(label)}</p>
      <p className="tabular-nums">
        <span className="font-semibold">{formatCount(processed)}</span> processed
        {total !== null && (
          <span className="text-muted">
            {" "}
            of {formatCount(total)} ({formatShare(shareOf(processed, total))})
          </span>
        )}
      </p>
    </div>
  );
}
