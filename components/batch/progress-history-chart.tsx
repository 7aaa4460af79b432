"use client";

import { useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { OUTCOME_COLORS, SURFACE_COLORS } from "@/config/palette";
import { capitalize, formatCount } from "@/lib/format";
import type { ProgressChartPoint } from "@/lib/history-chart-points";
import { useElementSize } from "@/lib/hooks/use-element-size";
import { CHART_RANGES, pointsInRange, timeTicks, yDomain } from "@/lib/progress-chart-view";
import type { ChartRangeId, TickUnit } from "@/lib/progress-chart-view";
import { thinEvenly } from "@/lib/thin-evenly";
import { ChartFrame } from "./chart-frame";
import { PROGRESS_CHART_HEIGHT } from "./chart-sizes";
import { ProgressChartTooltip } from "./progress-chart-tooltip";
import { SegmentedControl } from "./segmented-control";

const tickStyle = { fill: SURFACE_COLORS.muted, fontSize: 14 };
const TICK_FORMATS: Record<TickUnit, Intl.DateTimeFormat> = {
  second: new Intl.DateTimeFormat(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }),
  minute: new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }),
  day: new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" }),
};
const rowTime = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
/** The screen-reader twin summarises; it does not read out hundreds of points. */
const TABLE_ROWS = 6;
/** Room one time label needs ("10:25:30 PM" at 14 px), so labels never overlap. */
const TICK_SPACING_PX = 110;
const Y_AXIS_PX = 72;
const SCALES = [
  { id: "total", label: "From 0" },
  { id: "fit", label: "Fit data" },
] as const;

type ProgressHistoryChartProps = {
  points: ProgressChartPoint[];
  total: number | null;
  /** What the batch is made of, from the provider's profile: "emails", "messages", "calls". */
  items: string;
};

/** Processed over time as steps: stored history holds changes, so the count is flat between them. */
export function ProgressHistoryChart({ points, total, items }: ProgressHistoryChartProps) {
  const noun = capitalize(items);
  const [range, setRange] = useState<ChartRangeId>("all");
  const [scale, setScale] = useState<(typeof SCALES)[number]["id"]>("total");
  const [ref, size] = useElementSize<HTMLDivElement>();
  const shown = pointsInRange(
    points,
    CHART_RANGES.find((option) => option.id === range)?.ms ?? null,
  );
  const maxTicks = Math.max(2, Math.floor(((size?.width ?? 600) - Y_AXIS_PX) / TICK_SPACING_PX));
  const offsetMs = -new Date(shown.end).getTimezoneOffset() * 60_000;
  const { ticks, unit } = timeTicks(shown.start, shown.end, maxTicks, offsetMs);
  const fit = scale === "fit";
  const rows = thinEvenly(shown.points, TABLE_ROWS).map((point) => ({
    label: rowTime.format(point.at),
    value: formatCount(point.processed),
  }));
  return (
    <ChartFrame
      title="Progress over time"
      description={
        total === null ? `${noun} processed.` : `${noun} processed; the dashed line is the total.`
      }
      height={PROGRESS_CHART_HEIGHT}
      rows={rows}
      actions={
        <div className="flex flex-wrap gap-2" data-testid="chart-controls">
          <SegmentedControl
            label="Time range"
            options={CHART_RANGES}
            value={range}
            onChange={setRange}
          />
          <SegmentedControl label="Y-axis" options={SCALES} value={scale} onChange={setScale} />
        </div>
      }
    >
      <div
        ref={ref}
        className="h-full w-full"
        data-testid="progress-chart"
        data-ticks={ticks.length}
      >
        <LineChart
          responsive
          // ChartFrame hides the drawing from assistive technology and gives it a table twin: the
          // drawing takes no keyboard focus inside that hidden part.
          accessibilityLayer={false}
          data={shown.points}
          margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
          style={{ width: "100%", height: "100%" }}
        >
          <CartesianGrid vertical={false} stroke={SURFACE_COLORS.line} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[shown.start, shown.end]}
            allowDataOverflow
            ticks={ticks}
            interval={0}
            tick={tickStyle}
            stroke={SURFACE_COLORS.line}
            tickFormatter={(value: number) => TICK_FORMATS[unit].format(value)}
          />
          <YAxis
            allowDecimals={false}
            domain={yDomain(shown.points, total, fit)}
            allowDataOverflow
            width={Y_AXIS_PX}
            tick={tickStyle}
            stroke={SURFACE_COLORS.line}
            tickFormatter={formatCount}
          />
          {total !== null && !fit && (
            <ReferenceLine y={total} stroke={SURFACE_COLORS.muted} strokeDasharray="6 4" />
          )}
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: SURFACE_COLORS.muted, strokeDasharray: "3 3" }}
            content={({ active, payload, label }) => (
              <ProgressChartTooltip active={active} payload={payload} label={label} total={total} />
            )}
          />
          <Line
            type="stepAfter"
            dataKey="processed"
            stroke={OUTCOME_COLORS.active}
            strokeWidth={2.5}
            dot={false}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
    </ChartFrame>
  );
}
