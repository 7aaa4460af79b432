import type { HistoryPoint } from "@/lib/wall/history-store";

/** Processed over the last minutes, drawn as one line: flat means nothing is moving. */
export function ProgressLine({ points }: { points: readonly HistoryPoint[] }) {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length < 2) return null;
  const span = Math.max(1, last.at - first.at);
  const values = points.map((point) => point.value);
  const low = Math.min(...values);
  const range = Math.max(1, Math.max(...values) - low);
  const line = points
    .map(
      (point) =>
        `${(((point.at - first.at) / span) * 100).toFixed(2)},${(96 - ((point.value - low) / range) * 92).toFixed(2)}`,
    )
    .join(" ");
  return (
    <svg
      aria-hidden
      data-testid="progress-line"
      viewBox="0 0 100 100"
      preserveAspectRatio="none"
      className="h-full w-full text-outcome-active"
    >
      <polyline
        points={line}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
