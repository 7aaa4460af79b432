type PaceFigureProps = { label: string; value: string; hint: string; testId?: string };

export function PaceFigure({ label, value, hint, testId }: PaceFigureProps) {
  return (
    <div>
      <p className="text-sm uppercase tracking-wide text-muted">{label}</p>
      <p className="text-stat-sm tabular-nums" data-testid={testId}>
        {value}
      </p>
      <p className="text-sm text-faint">{hint}</p>
    </div>
  );
}
