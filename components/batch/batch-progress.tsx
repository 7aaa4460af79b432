import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { isTerminalState } from "@/lib/batch-snapshot";
import { formatCount, formatDuration, formatPercent } from "@/lib/format";
import { STATE_STYLES } from "./batch-styles";

export function BatchProgress({ snapshot }: { snapshot: BatchSnapshot }) {
  const { progress, processed, total, etaSeconds, state, notes } = snapshot;
  const showEta = etaSeconds !== null && !isTerminalState(state);
  return (
    <Card aria-label="Progress">
      <div className="flex flex-wrap items-end justify-between gap-x-8 gap-y-4">
        <div>
          <p className="text-stat-xl tabular-nums" aria-hidden={progress === null}>
            {progress === null ? <span className="text-faint">—</span> : formatPercent(progress)}
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
              " processed · total not reported"
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
                {" processed"}
              </>
            )}
          </p>
        </div>
        {showEta && (
          <div className="sm:text-right">
            <p className="text-sm uppercase tracking-wide text-muted">Time left</p>
            <p className="text-stat-sm tabular-nums" data-testid="batch-eta">
              about {formatDuration(etaSeconds)}
            </p>
          </div>
        )}
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
            <p className="mt-1">The provider does not report how many messages the batch holds.</p>
          )}
        </div>
      )}
    </Card>
  );
}
