"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, XAxis, YAxis } from "recharts";
import type { BarShapeProps } from "recharts";
import { OUTCOME_COLORS, SURFACE_COLORS } from "@/config/palette";
import type { BatchCount } from "@/lib/batch-snapshot";
import { formatCount } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { statusChartHeight } from "./chart-sizes";

const tickStyle = { fill: SURFACE_COLORS.muted, fontSize: 14 };

export function StatusBarChart({ counts }: { counts: BatchCount[] }) {
  const height = statusChartHeight(counts.length);
  const colorAt = (index: number) => OUTCOME_COLORS[counts[index]?.outcome ?? "pending"];
  return (
    <ChartFrame
      title="By status"
      description="Bars coloured by outcome: grey waiting, blue in progress, green succeeded, amber not reached, red failed."
      height={height}
      rows={counts.map((count) => ({ label: count.label, value: formatCount(count.count) }))}
    >
      <BarChart
        responsive
        // ChartFrame hides the drawing from assistive technology and gives it a table twin: the
        // drawing takes no keyboard focus inside that hidden part.
        accessibilityLayer={false}
        data={counts}
        layout="vertical"
        margin={{ top: 4, right: 72, bottom: 4, left: 8 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid horizontal={false} stroke={SURFACE_COLORS.line} />
        <XAxis
          type="number"
          allowDecimals={false}
          tick={tickStyle}
          stroke={SURFACE_COLORS.line}
          tickFormatter={formatCount}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={128}
          tick={tickStyle}
          stroke={SURFACE_COLORS.line}
        />
        <Bar
          dataKey="count"
          maxBarSize={32}
          isAnimationActive={false}
          shape={(props: BarShapeProps) => (
            <Rectangle {...props} radius={[0, 4, 4, 0]} fill={colorAt(props.index)} />
          )}
        >
          <LabelList
            dataKey="count"
            position="right"
            fill={SURFACE_COLORS.ink}
            fontSize={15}
            formatter={(value) => (typeof value === "number" ? formatCount(value) : "")}
          />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
