import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { BatchView } from "@/lib/batch-view";
import { formatCount, formatPercent } from "@/lib/format";
import { profileOf } from "@/lib/providers/profiles";
import { STATE_STYLES } from "./batch-styles";
import { TimeLeft } from "./time-left";

export function BatchProgress({ view, now }: { view: BatchView; now: number }) {
  const { progress, processed, total, state, notes } = view;
  const items = profileOf(view.provider).reports.items.many;
  return (
    <Card aria-label="Progress">
      <div className="flex flex-wrap items-end justify-between gap-x-8 gap-y-4">
        <div>
          {/* Without a total there is no percentage: the count itself is the headline. */}
          <p className="text-stat-xl tabular-nums" data-testid="batch-headline">
            {progress === null ? formatCount(processed) : formatPercent(progress)}
          </p>
          <p className="mt-2 text-lg text-muted sm:text-xl">
            <span
              data-testid="batch-processed"
              data-value={processed}
              className="font-semibold text-ink tabular-nums"
            >
              {formatCount(processed)}
            </span>
            {total === null ? (
              ` ${items} processed · total not reported`
            ) : (
              <>
                {" of "}
                <span
                  data-testid="batch-total"
                  data-value={total}
                  className="font-semibold text-ink tabular-nums"
                >
                  {formatCount(total)}
                </span>
                {` ${items} processed`}
              </>
            )}
          </p>
        </div>
        <TimeLeft view={view} now={now} />
      </div>
      <ProgressBar
        value={progress}
        label="Batch progress"
        size="lg"
        fillClassName={STATE_STYLES[state].fill}
        testId="batch-progress"
        className="mt-5"
      />
      {progress === null && (
        <div className="mt-4 rounded-lg border border-line bg-raised p-3 text-sm text-muted sm:text-base">
          <p className="font-medium text-ink">No percentage for this batch</p>
          {notes.length > 0 ? (
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1">The provider does not report how many {items} the batch holds.</p>
          )}
        </div>
      )}
    </Card>
  );
}
