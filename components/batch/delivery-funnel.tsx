"use client";

import { Funnel, FunnelChart, LabelList } from "recharts";
import { FUNNEL_COLORS, SURFACE_COLORS } from "@/config/palette";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { formatCount, formatPercent, shareOf } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { FUNNEL_CHART_HEIGHT } from "./chart-sizes";

type FunnelStep = NonNullable<BatchSnapshot["funnel"]>[number];

/** Sent → delivered → read, each step as a share of the first. */
export function DeliveryFunnel({ steps }: { steps: FunnelStep[] }) {
  const first = steps[0]?.count ?? null;
  const data = steps.map((step, index) => ({
    ...step,
    fill: FUNNEL_COLORS[Math.min(index, FUNNEL_COLORS.length - 1)],
    caption: index === 0 ? formatCount(step.count) : `${formatCount(step.count)} · ${formatPercent(shareOf(step.count, first))}`,
  }));
  return (
    <ChartFrame
      title="Delivery funnel"
      description="Each step as a share of messages sent."
      height={FUNNEL_CHART_HEIGHT}
      rows={data.map((step) => ({ label: step.label, value: step.caption }))}
    >
      <FunnelChart responsive margin={{ top: 4, right: 150, bottom: 4, left: 8 }} style={{ width: "100%", height: "100%" }}>
        <Funnel data={data} dataKey="count" nameKey="label" lastShapeType="rectangle" animationDuration={500} stroke={SURFACE_COLORS.canvas}>
          <LabelList dataKey="caption" position="center" fill={SURFACE_COLORS.canvas} fontSize={15} fontWeight={600} />
          <LabelList dataKey="label" position="right" fill={SURFACE_COLORS.ink} fontSize={15} />
        </Funnel>
      </FunnelChart>
    </ChartFrame>
  );
}
