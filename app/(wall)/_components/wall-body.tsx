"use client";

import { hashKey, useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorCodeOf } from "@/lib/api-client";
import { batchFreshness } from "@/lib/batch-freshness";
import { batchDisplayName } from "@/lib/batch-name";
import { summarizeBoard } from "@/lib/board-summary";
import { parseTimestamp } from "@/lib/format";
import { useRecordBatchHistory } from "@/lib/hooks/use-batch-history";
import { useBurnInShift } from "@/lib/hooks/use-burn-in-shift";
import { useNow } from "@/lib/hooks/use-now";
import { useReloadOnNewVersion } from "@/lib/hooks/use-reload-on-new-version";
import { useWakeLock } from "@/lib/hooks/use-wake-lock";
import { batchQueryOptions } from "@/lib/queries/batch";
import {
  batchDeadReason,
  descriptorDeadReason,
  wallDescriptorQueryOptions,
} from "@/lib/queries/wall";
import type { WallDeadReason, WallDescriptor, WallSource } from "@/lib/wall/descriptor";
import { wallFreshness } from "@/lib/wall/freshness";
import { createHistoryStore } from "@/lib/wall/history-store";
import { ShareLinkDead } from "./share-link-dead";
import { WallGrid } from "./wall-grid";
import type { WallItem } from "./wall-grid";
import { WallStaleBanner } from "./wall-stale-banner";
import { WallTopBar } from "./wall-top-bar";

/** The one poller of a wall: the board (or link), then one query per batch. Children only display. */
export function WallBody({ source, initial }: { source: WallSource; initial: WallDescriptor }) {
  const now = useNow();
  const [dead, setDead] = useState<WallDeadReason | null>(null);
  const descriptorQuery = useQuery({
    ...wallDescriptorQueryOptions(source),
    initialData: initial,
    enabled: dead === null,
  });
  const descriptor = descriptorQuery.data;
  const specs = dead
    ? []
    : descriptor.batches.map((batch) => {
        const scope =
          source.kind === "share"
            ? { share: source.token, connectionId: batch.connectionId }
            : { connectionId: batch.connectionId };
        return { batch, options: batchQueryOptions(batch.provider, batch.batchId, scope) };
      });
  const results = useQueries({ queries: specs.map((spec) => spec.options) });
  const [store] = useState(createHistoryStore);
  useRecordBatchHistory(store);
  useReloadOnNewVersion();
  const wakeLock = useWakeLock(dead === null);
  const shift = useBurnInShift();

  const expiresAt = parseTimestamp(descriptor.expiresAt);
  const reason =
    descriptorDeadReason(descriptorQuery.error) ??
    results.map((result) => batchDeadReason(result.error)).find((found) => found !== null) ??
    (expiresAt !== null && now >= expiresAt ? "expired" : null);
  // A link that died stays dead: latched here so its queries stop instead of flickering back.
  if (reason !== null && dead === null) setDead(reason);
  if (dead ?? reason) return <ShareLinkDead reason={dead ?? reason ?? "missing"} />;

  const items: WallItem[] = specs.map((spec, index) => {
    const result = results[index];
    if (!result) throw new Error("useQueries returned fewer results than queries");
    return {
      batch: spec.batch,
      result,
      freshness: batchFreshness(result, now),
      queryHash: hashKey(spec.options.queryKey),
    };
  });
  const freshness = wallFreshness(
    items.map((item) => item.freshness),
    { dataUpdatedAt: descriptorQuery.dataUpdatedAt, errorCode: errorCodeOf(descriptorQuery.error) },
    results.map((result) => errorCodeOf(result.error)),
  );
  const updatedAt = Math.max(0, ...results.map((result) => result.dataUpdatedAt));
  // A single batch's link is titled like its card: the team's label, the provider's name, the id.
  const only = items[0];
  const title =
    descriptor.kind === "batch" && only ? batchDisplayName(only.batch, only.result.data) : descriptor.name;

  return (
    <div
      data-testid="wall-screen"
      data-kind={source.kind}
      data-wake-lock={wakeLock}
      className="h-full w-full overflow-hidden p-[calc(var(--wall-min)*0.3)]"
    >
      <div
        data-testid="wall-shift"
        data-shift={`${shift.x},${shift.y}`}
        className="flex h-full w-full flex-col"
        style={{ transform: `translate(${shift.x}px, ${shift.y}px)` }}
      >
        {freshness.stale && (
          <WallStaleBanner freshness={freshness} total={items.length} now={now} />
        )}
        <WallTopBar
          name={title}
          summary={summarizeBoard(results.map((result) => result.data))}
          updatedAt={updatedAt}
          now={now}
        />
        <WallGrid items={items} store={store} />
      </div>
    </div>
  );
}
