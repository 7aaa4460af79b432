import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { STATE_STYLES } from "@/components/batch/batch-styles";
import { BatchErrorChip } from "@/components/batch/batch-error-chip";
import { ProviderBadge } from "@/components/batch/provider-badge";
import { StateBadge } from "@/components/batch/state-badge";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RelativeTime } from "@/components/ui/relative-time";
import { LabelEditor } from "@/components/batch/label-editor";
import { countOf, hasOutcome, isCountless } from "@/lib/batch-counts";
import { batchFreshness, numbersUpdatedAt } from "@/lib/batch-freshness";
import { batchDisplayName, namedOtherThanId } from "@/lib/batch-name";
import { batchPagePath } from "@/lib/batch-page-path";
import type { BatchView } from "@/lib/batch-view";
import { cn } from "@/lib/class-names";
import { EMPTY_VALUE, formatCount, formatPercent } from "@/lib/format";
import { sendTimeOf } from "@/lib/send-time";
import type { WatchedBatch } from "@/lib/watched-batch";
import { WATCHED_GRID } from "./watched-columns";

type WatchedRowProps = {
  item: WatchedBatch;
  batch: UseQueryResult<BatchView> | undefined;
  now: number;
  removeError: string | null;
  onRemove: () => void;
};

const cellLabel = "text-xs uppercase tracking-wide text-faint lg:sr-only";
// Old numbers go grey, not faint: dimmed text would fall below the contrast a reader needs, and
// the row's error chip and the page's banner already say why.
const STALE_TEXT = "[&_*]:text-muted!";

export function WatchedRow({ item, batch, now, removeError, onRemove }: WatchedRowProps) {
  const data = batch?.data;
  const stale = batchFreshness(batch, now).stale;
  const failures = data && countOf(data, "failure");
  const unreached = data && hasOutcome(data, "unreached") ? countOf(data, "unreached") : undefined;
  const name = batchDisplayName(item, data);
  const href = batchPagePath(item.provider, item.batchId, item.connectionId);

  return (
    <li
      data-testid="watched-row"
      data-provider={item.provider}
      data-batch-id={item.batchId}
      data-stale={stale}
      className={cn(
        "grid grid-cols-2 gap-3 rounded-xl border border-line bg-panel p-4",
        WATCHED_GRID,
      )}
    >
      <div className="col-span-2 lg:col-span-1">
        <ProviderBadge provider={item.provider} />
      </div>
      <div className="col-span-2 flex min-w-0 flex-wrap items-start gap-x-2 lg:col-span-1">
        <LabelEditor
          target={{
            provider: item.provider,
            batchId: item.batchId,
            connectionId: item.connectionId,
          }}
          label={item.label}
          fallback={data?.name ?? item.batchId}
          className="-my-1 text-xs"
        >
          <div className="min-w-0 flex-1">
            <Link
              href={href}
              data-testid="batch-name"
              className="block truncate text-lg font-semibold hover:underline"
              title={name}
            >
              {name}
            </Link>
            {namedOtherThanId(item, data) && (
              <p className="truncate font-mono text-xs text-faint" data-testid="batch-id">
                {item.batchId}
              </p>
            )}
          </div>
        </LabelEditor>
        {batch?.isError && (
          <div className="mt-1 w-full">
            <BatchErrorChip error={batch.error} />
          </div>
        )}
      </div>
      <div>
        {data ? (
          <StateBadge state={data.state} providerStatus={data.providerStatus} />
        ) : (
          <span className="text-sm text-faint">{batch?.isError ? EMPTY_VALUE : "Loading…"}</span>
        )}
      </div>
      {data && isCountless(data) ? (
        // A provider that reports no counts (SendGrid) shows when the batch sends, never zeros.
        <p
          className={cn("col-span-2 text-sm lg:col-span-3", stale && STALE_TEXT)}
          data-testid="batch-send-time"
        >
          {sendTimeOf(data, now)}
        </p>
      ) : (
        <>
          <div
            className={cn("col-span-2 flex items-center gap-3 lg:col-span-1", stale && STALE_TEXT)}
          >
            <ProgressBar
              value={data?.progress ?? null}
              label={`Progress of ${name}`}
              fillClassName={data ? STATE_STYLES[data.state].fill : undefined}
              className={stale ? "opacity-45" : undefined}
              testId="batch-progress"
            />
            <span className="w-12 shrink-0 text-right text-sm font-medium tabular-nums">
              {formatPercent(data?.progress)}
            </span>
          </div>
          <div className={cn("lg:text-right", stale && STALE_TEXT)}>
            <p className={cellLabel}>Processed</p>
            <p className="tabular-nums">
              <span
                data-testid="batch-processed"
                data-value={data?.processed}
                className="text-lg font-semibold"
              >
                {formatCount(data?.processed)}
              </span>
              {data?.total != null && (
                <span className="text-sm text-muted"> / {formatCount(data.total)}</span>
              )}
            </p>
          </div>
          <div className={cn("lg:text-right", stale && STALE_TEXT)}>
            <p className={cellLabel}>Failed</p>
            <p
              data-testid="batch-failures"
              data-value={failures}
              className={cn(
                "text-lg font-semibold tabular-nums",
                failures ? "text-outcome-failure" : "text-muted",
              )}
            >
              {formatCount(failures)}
            </p>
            {unreached !== undefined && (
              <p
                data-testid="batch-unreached"
                data-value={unreached}
                className={cn(
                  "text-sm tabular-nums",
                  unreached ? "text-outcome-unreached" : "text-muted",
                )}
              >
                {formatCount(unreached)} not reached
              </p>
            )}
          </div>
        </>
      )}
      <div className="text-sm lg:text-right">
        <p className={cellLabel}>Updated</p>
        {data ? (
          <p className={stale ? "font-medium text-notice-warning" : "text-muted"}>
            <RelativeTime
              value={Math.min(numbersUpdatedAt(data) ?? now, now)}
              now={now}
              className="tabular-nums"
            />
            {stale && <span data-testid="row-stale"> · stale</span>}
          </p>
        ) : (
          <p className="text-faint">{EMPTY_VALUE}</p>
        )}
      </div>
      <div className="flex flex-col items-end justify-end gap-1">
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${name}`}>
          Remove
        </Button>
        {removeError && (
          <p role="alert" className="text-xs text-notice-warning">
            {removeError}
          </p>
        )}
      </div>
    </li>
  );
}
