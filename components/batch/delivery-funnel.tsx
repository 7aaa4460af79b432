import { FUNNEL_COLORS } from "@/config/palette";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { formatCount, formatShare, shareOf } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { FUNNEL_STEP_PX, funnelChartHeight } from "./chart-sizes";

type FunnelStep = NonNullable<BatchSnapshot["funnel"]>[number];

// Drawn with CSS rather than Recharts: each step is a band as wide as its share of the first
// step, tapering into the next one, with its numbers beside it where they stay readable.
function widthOf(count: number, first: number): number {
  return first > 0 ? Math.min(100, Math.max(0, (count / first) * 100)) : 0;
}

/** Sent → delivered → read, each step as a share of the first. */
export function DeliveryFunnel({ steps }: { steps: FunnelStep[] }) {
  const first = steps[0]?.count ?? 0;
  return (
    <ChartFrame
      title="Delivery funnel"
      description="Each step as a share of messages sent."
      height={funnelChartHeight(steps.length)}
      rows={steps.map((step) => ({ label: step.label, value: formatCount(step.count) }))}
    >
      <ol className="flex h-full flex-col justify-center">
        {steps.map((step, index) => {
          const top = widthOf(step.count, first);
          const next = steps[index + 1];
          const bottom = next ? widthOf(next.count, first) : top;
          const inset = top > 0 ? ((top - bottom) / (2 * top)) * 100 : 0;
          return (
            <li
              key={step.status}
              className="grid grid-cols-[minmax(0,1fr)_minmax(7rem,auto)] items-center gap-4"
              style={{ height: FUNNEL_STEP_PX }}
            >
              <div className="flex h-full items-stretch justify-center py-px">
                <div
                  style={{
                    width: `${Math.max(top, 0.5)}%`,
                    backgroundColor: FUNNEL_COLORS[Math.min(index, FUNNEL_COLORS.length - 1)],
                    clipPath: `polygon(0 0, 100% 0, ${100 - inset}% 100%, ${inset}% 100%)`,
                  }}
                />
              </div>
              <p className="leading-tight">
                <span className="block text-sm text-muted">{step.label}</span>
                <span className="text-xl font-semibold tabular-nums">
                  {formatCount(step.count)}
                </span>
                {index > 0 && (
                  <span className="ml-2 text-sm text-muted tabular-nums">
                    {formatShare(shareOf(step.count, first))}
                  </span>
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </ChartFrame>
  );
}
