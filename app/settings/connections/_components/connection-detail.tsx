/** One "label value" pair of a connection's details list (a <dl>): the row and its webhook panels. */
export function Detail({ label, value, mono, testId }: { label: string; value: string; mono?: boolean; testId?: string }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-faint">{label}</dt>
      <dd className={mono ? "font-mono text-ink" : "text-ink"} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
