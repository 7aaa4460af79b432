// Shared by the charts and their loading placeholders so the page keeps its layout while
// the chart code arrives.
const BAR_ROW_PX = 44;
const AXIS_PX = 36;

export function statusChartHeight(statusCount: number): number {
  return Math.max(180, statusCount * BAR_ROW_PX + AXIS_PX);
}

export const FUNNEL_STEP_PX = 64;

export function funnelChartHeight(stepCount: number): number {
  return Math.max(1, stepCount) * FUNNEL_STEP_PX;
}

export const PROGRESS_CHART_HEIGHT = 240;
