"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useNow } from "@/lib/hooks/use-now";
import { auditQueryOptions } from "@/lib/queries/audit";
import { SettingsHeading } from "../../_components/settings-heading";
import { ActivityRow } from "./activity-row";

export function ActivityLog({ retentionDays }: { retentionDays: number }) {
  const log = useInfiniteQuery(auditQueryOptions());
  const now = useNow();
  const events = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-6 sm:space-y-8">
      <SettingsHeading title="Activity">
        Who changed what, when and from where: share links, connections and people. Each event is
        kept for {retentionDays} days and cannot be edited.
      </SettingsHeading>
      {log.isError && (
        <Notice tone="warning" title="Could not load the activity" data-testid="activity-error">
          {log.error.message}
        </Notice>
      )}
      {log.isPending && <p className="text-muted">Loading activity…</p>}
      {log.isSuccess && events.length === 0 && (
        <p className="text-muted" data-testid="activity-empty">
          Nothing has been recorded yet.
        </p>
      )}
      {events.length > 0 && (
        <ol
          className="divide-y divide-line rounded-xl border border-line bg-panel"
          aria-label="Activity"
        >
          {events.map((event) => (
            <ActivityRow key={event.id} event={event} now={now} />
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <Button
          variant="secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? "Loading…" : "Show older"}
        </Button>
      )}
    </div>
  );
}
