import Link from "next/link";
import { BatchReason } from "@/components/batch/batch-reason";
import { ProviderBadge } from "@/components/batch/provider-badge";
import { RefreshStatus } from "@/components/batch/refresh-status";
import { LabelEditor } from "@/components/batch/label-editor";
import { StateBadge } from "@/components/batch/state-badge";
import { batchDisplayName, namedOtherThanId } from "@/lib/batch-name";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { cn } from "@/lib/class-names";
import type { ProviderId } from "@/lib/providers/provider-id";
import { AddToBoard } from "./add-to-board";
import { ShareBatch } from "./share-batch";

type BatchHeadingProps = {
  provider: ProviderId;
  batchId: string;
  connectionId?: string;
  label: string | null;
  onLabelSaved: (label: string | null) => void;
  snapshot: BatchSnapshot | undefined;
  /** When the provider's numbers on screen were fetched. */
  updatedAt: number | null;
  now: number;
  interval: number | false;
  stale: boolean;
};

export function BatchHeading({
  provider,
  batchId,
  connectionId,
  label,
  onLabelSaved,
  snapshot,
  updatedAt,
  now,
  interval,
  stale,
}: BatchHeadingProps) {
  const name = batchDisplayName({ batchId, label }, snapshot);
  const named = namedOtherThanId({ batchId, label }, snapshot);
  return (
    <header className="space-y-3" data-testid="batch-heading">
      <Link href="/" className="text-sm text-muted hover:text-ink">
        ← Watched batches
      </Link>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <ProviderBadge provider={provider} size="lg" />
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-2">
          <LabelEditor
            target={{ provider, batchId, connectionId }}
            label={label}
            fallback={snapshot?.name ?? batchId}
            onSaved={onLabelSaved}
          >
            <div className="min-w-0">
              <h1
                data-testid="batch-name"
                className={cn(
                  "min-w-0 text-xl font-semibold sm:text-2xl lg:text-3xl",
                  named ? "break-words" : "break-all font-mono",
                )}
              >
                {name}
              </h1>
              {named && (
                <p data-testid="batch-id" className="break-all font-mono text-sm text-muted">
                  {batchId}
                </p>
              )}
            </div>
          </LabelEditor>
        </div>
        {snapshot && (
          <span className={stale ? "opacity-45" : undefined}>
            <StateBadge state={snapshot.state} providerStatus={snapshot.providerStatus} size="lg" />
          </span>
        )}
        {snapshot && <BatchReason reason={snapshot.reason} state={snapshot.state} className="text-lg" />}
        <AddToBoard provider={provider} batchId={batchId} connectionId={connectionId} />
        <ShareBatch provider={provider} batchId={batchId} connectionId={connectionId} />
      </div>
      {snapshot && (
        <RefreshStatus updatedAt={updatedAt} now={now} interval={interval} stale={stale} />
      )}
    </header>
  );
}
