import Link from "next/link";
import { BatchReason } from "@/components/batch/batch-reason";
import { ProviderBadge } from "@/components/batch/provider-badge";
import { RefreshStatus } from "@/components/batch/refresh-status";
import { StateBadge } from "@/components/batch/state-badge";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { ProviderId } from "@/lib/providers/provider-id";
import { AddToBoard } from "./add-to-board";

type BatchHeadingProps = {
  provider: ProviderId;
  batchId: string;
  connectionId?: string;
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
  snapshot,
  updatedAt,
  now,
  interval,
  stale,
}: BatchHeadingProps) {
  return (
    <header className="space-y-3">
      <Link href="/" className="text-sm text-muted hover:text-ink">
        ← Watched batches
      </Link>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <ProviderBadge provider={provider} size="lg" />
        <h1 className="min-w-0 break-all font-mono text-xl font-semibold sm:text-2xl lg:text-3xl">
          {batchId}
        </h1>
        {snapshot && (
          <span className={stale ? "opacity-45" : undefined}>
            <StateBadge state={snapshot.state} providerStatus={snapshot.providerStatus} size="lg" />
          </span>
        )}
        {snapshot && <BatchReason reason={snapshot.reason} state={snapshot.state} className="text-lg" />}
        <AddToBoard provider={provider} batchId={batchId} connectionId={connectionId} />
      </div>
      {snapshot && (
        <RefreshStatus updatedAt={updatedAt} now={now} interval={interval} stale={stale} />
      )}
    </header>
  );
}
