"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorCodeOf } from "@/lib/api-client";
import { batchFreshness } from "@/lib/batch-freshness";
import { cardQueryState } from "@/lib/board-snapshot-cards";
import { batchDisplayName } from "@/lib/batch-name";
import { summarizeBoard } from "@/lib/board-summary";
import { parseTimestamp } from "@/lib/format";
import { useRecordSnapshotHistory } from "@/lib/hooks/use-batch-history";
import { useBurnInShift } from "@/lib/hooks/use-burn-in-shift";
import { useNow } from "@/lib/hooks/use-now";
import { useReloadOnNewVersion } from "@/lib/hooks/use-reload-on-new-version";
import { useWakeLock } from "@/lib/hooks/use-wake-lock";
import { boardSnapshotQueryOptions } from "@/lib/queries/board-snapshot";
import { descriptorDeadReason } from "@/lib/queries/wall";
import type { WallDeadReason, WallDescriptor, WallSource } from "@/lib/wall/descriptor";
import { wallFreshness, wallUpdated } from "@/lib/wall/freshness";
import { createHistoryStore } from "@/lib/wall/history-store";
import { ShareLinkDead } from "./share-link-dead";
import { WallGrid } from "./wall-grid";
import type { WallItem } from "./wall-grid";
import { WallStaleBanner } from "./wall-stale-banner";
import { WallTopBar } from "./wall-top-bar";

/** The one poller of a wall: the board snapshot (or the link's), every card's numbers in one request. Children only display. */
export function WallBody({ source, initial }: { source: WallSource; initial: WallDescriptor }) {
  const now = useNow();
  const [openedAt] = useState(() => Date.now());
  const [dead, setDead] = useState<WallDeadReason | null>(null);
  const query = useQuery({ ...boardSnapshotQueryOptions(source), enabled: dead === null });
  const state = query.data;
  const descriptor = state?.shown ?? initial;
  const [store] = useState(createHistoryStore);
  useRecordSnapshotHistory(store, state);
  useReloadOnNewVersion();
  const wakeLock = useWakeLock(dead === null);
  const shift = useBurnInShift();

  const expiresAt = parseTimestamp(descriptor.expiresAt);
  const reason =
    descriptorDeadReason(query.error) ?? (expiresAt !== null && now >= expiresAt ? "expired" : null);
  // A link that died stays dead: latched here so its query stops instead of flickering back.
  if (reason !== null && dead === null) setDead(reason);
  if (dead ?? reason) return <ShareLinkDead reason={dead ?? reason ?? "missing"} />;

  const cards = new Map(state?.cards.map((card) => [card.batch.id, card]));
  const items: WallItem[] = descriptor.batches.map((batch) => {
    const card = cards.get(batch.id);
    const cardState = cardQueryState(card, query.error);
    return {
      batch,
      view: cardState.data,
      error: cardState.error,
      freshness: batchFreshness(cardState, now),
      historyKey: batch.id,
      alerts: card?.alerts ?? [],
    };
  });
  const freshness = wallFreshness(
    items.map((item) => item.freshness),
    { dataUpdatedAt: query.dataUpdatedAt || openedAt, errorCode: errorCodeOf(query.error) },
    items.map((item) => errorCodeOf(item.error)),
  );
  // A single batch's link is titled like its card: the team's label, the provider's name, the id.
  const only = items[0];
  const title = descriptor.kind === "batch" && only ? batchDisplayName(only.batch, only.view) : descriptor.name;

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
          summary={summarizeBoard(items.map((item) => item.view))}
          updated={wallUpdated(
            items.map((item) => item.view),
            freshness,
          )}
          now={now}
        />
        <WallGrid items={items} store={store} now={now} />
      </div>
    </div>
  );
}
