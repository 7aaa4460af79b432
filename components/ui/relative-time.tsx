import { formatDateTime, formatRelativeTime, parseTimestamp } from "@/lib/format";
import { EMPTY_VALUE } from "@/lib/format";

type RelativeTimeProps = {
  /** An ISO timestamp, or milliseconds since the epoch. */
  value: string | number | null;
  now: number;
  className?: string;
};

/** "3 min ago", with the absolute time on hover and in the machine-readable attribute. */
export function RelativeTime({ value, now, className }: RelativeTimeProps) {
  const ms = typeof value === "number" ? value : parseTimestamp(value);
  if (ms === null) return <span className={className}>{EMPTY_VALUE}</span>;
  const iso = new Date(ms).toISOString();
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {formatRelativeTime(ms, now)}
    </time>
  );
}
