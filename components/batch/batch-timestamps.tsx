import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { formatDateTime } from "@/lib/format";

const ROWS = [
  { key: "scheduledAt", label: "Scheduled for" },
  { key: "createdAt", label: "Created" },
  { key: "startedAt", label: "Started" },
  { key: "completedAt", label: "Finished" },
  { key: "updatedAt", label: "Provider last updated" },
  { key: "fetchedAt", label: "Fetched from provider" },
] as const satisfies ReadonlyArray<{ key: keyof BatchSnapshot; label: string }>;

export function BatchTimestamps({ snapshot, now }: { snapshot: BatchSnapshot; now: number }) {
  const rows = ROWS.filter((row) => snapshot[row.key] !== null);
  return (
    <Card title="Timeline">
      {rows.length === 0 ? (
        <p className="text-muted">The provider reports no timestamps for this batch.</p>
      ) : (
        <dl className="divide-y divide-line">
          {rows.map((row) => (
            <div
              key={row.key}
              className="flex flex-wrap items-baseline justify-between gap-x-4 py-2"
            >
              <dt className="text-sm text-muted">{row.label}</dt>
              <dd className="text-right">
                <RelativeTime
                  value={snapshot[row.key]}
                  now={now}
                  className="font-medium tabular-nums"
                />
                <span className="block text-xs text-faint tabular-nums">
                  {formatDateTime(snapshot[row.key])}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
