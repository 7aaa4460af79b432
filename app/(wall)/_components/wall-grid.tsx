"use client";

import type { CSSProperties } from "react";
import type { FiringAlert } from "@/lib/alerts";
import { BatchCard } from "@/components/board/batch-card";
import { useBatchHistory } from "@/lib/hooks/use-batch-history";
import { useElementSize } from "@/lib/hooks/use-element-size";
import type { BatchView } from "@/lib/batch-view";
import type { SharedBatch } from "@/lib/share-link";
import type { BatchFreshness } from "@/lib/batch-freshness";
import { cardTier, cardUnitCss, cardUnitPx, gridShape } from "@/lib/wall/grid-shape";
import type { CardTier } from "@/lib/wall/grid-shape";
import type { HistoryStore } from "@/lib/wall/history-store";

/** One card: its batch, its part of the board snapshot and its own freshness. */
export type WallItem = {
  batch: SharedBatch;
  view: BatchView | undefined;
  error: Error | null;
  freshness: BatchFreshness;
  historyKey: string;
  alerts: FiringAlert[];
};

// Before the first measurement: a 1080p screen minus the top bar.
const FALLBACK = { width: 1900, height: 960 };
/** The cards' own type follows the cell: each cell is a size container its card measures. */
const CELL_STYLE: CSSProperties = { containerType: "size", ["--u" as string]: cardUnitCss };

type WallGridProps = { items: WallItem[]; store: HistoryStore; now: number };

export function WallGrid({ items, store, now }: WallGridProps) {
  const [ref, measured] = useElementSize<HTMLDivElement>();
  const { width, height } = measured ?? FALLBACK;
  const { columns, rows } = gridShape(items.length, width, height);
  const vmin =
    typeof window === "undefined" ? 1080 : Math.min(window.innerWidth, window.innerHeight);
  // Gaps are a share of the screen too, so a 4K wall is a 1080p wall at twice the size.
  const gap = Math.round(vmin * 0.008);
  const cellWidth = (width - gap * (columns - 1)) / columns;
  const cellHeight = (height - gap * (rows - 1)) / rows;
  const unit = cardUnitPx(cellWidth, cellHeight, vmin);
  const tier = cardTier(cellWidth / unit, cellHeight / unit);
  if (items.length === 0) {
    return (
      <div
        className="flex flex-1 items-center justify-center text-muted"
        style={{ fontSize: "calc(var(--wall-min) * 1.4)" }}
        data-testid="wall-empty"
      >
        No batches on this board yet
      </div>
    );
  }
  return (
    <div
      ref={ref}
      data-testid="wall-grid"
      data-columns={columns}
      data-rows={rows}
      data-tier={tier}
      className="grid min-h-0 flex-1"
      style={{
        gap,
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
      }}
    >
      {items.map((item) => (
        <div key={item.batch.id} className="min-h-0 min-w-0" style={CELL_STYLE}>
          <WallCard item={item} tier={tier} store={store} now={now} />
        </div>
      ))}
    </div>
  );
}

type WallCardProps = { item: WallItem; tier: CardTier; store: HistoryStore; now: number };

function WallCard({ item, tier, store, now }: WallCardProps) {
  const history = useBatchHistory(store, item.historyKey);
  return (
    <BatchCard
      batch={item.batch}
      snapshot={item.view}
      error={item.error}
      stale={item.freshness.stale}
      tier={tier}
      history={history}
      alerts={item.alerts}
      now={now}
    />
  );
}
