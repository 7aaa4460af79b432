"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import { OUTCOME_COLORS, SURFACE_COLORS } from "@/config/palette";
import { capitalize, formatCount } from "@/lib/format";
import type { ProgressChartPoint } from "@/lib/history-chart-points";
import { thinEvenly } from "@/lib/thin-evenly";
import { ChartFrame } from "./chart-frame";
import { PROGRESS_CHART_HEIGHT } from "./chart-sizes";

const tickStyle = { fill: SURFACE_COLORS.muted, fontSize: 14 };
const tickTime = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const rowTime = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
/** The screen-reader twin summarises; it does not read out hundreds of points. */
const TABLE_ROWS = 6;

type ProgressHistoryChartProps = {
  points: ProgressChartPoint[];
  total: number | null;
  /** What the batch is made of, from the provider's profile: "emails", "messages", "calls". */
  items: string;
};

/** Processed over time as steps: stored history holds changes, so the count is flat between them. */
export function ProgressHistoryChart({ points, total, items }: ProgressHistoryChartProps) {
  const noun = capitalize(items);
  const rows = thinEvenly(points, TABLE_ROWS).map((point) => ({
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
    >
      <LineChart
        responsive
        data={points}
        margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid vertical={false} stroke={SURFACE_COLORS.line} />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          minTickGap={40}
          tick={tickStyle}
          stroke={SURFACE_COLORS.line}
          tickFormatter={(value: number) => tickTime.format(value)}
        />
        <YAxis
          allowDecimals={false}
          width={72}
          tick={tickStyle}
          stroke={SURFACE_COLORS.line}
          tickFormatter={formatCount}
        />
        {total !== null && (
          <ReferenceLine
            y={total}
            stroke={SURFACE_COLORS.muted}
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
          />
        )}
        <Line
          type="stepAfter"
          dataKey="processed"
          stroke={OUTCOME_COLORS.active}
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
