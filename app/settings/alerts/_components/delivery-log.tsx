"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AlertDelivery } from "@/lib/alerts";
import { useNow } from "@/lib/hooks/use-now";
import { alertDeliveriesQueryOptions } from "@/lib/queries/alerts";

const STATUS_TONES: Record<string, string> = { delivered: "text-outcome-success", retrying: "text-muted", failed: "text-notice-warning" };

export function DeliveryLog() {
  const log = useInfiniteQuery(alertDeliveriesQueryOptions());
  const now = useNow();
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title="Delivery log" description="Every attempt to deliver a message, newest first. 5xx answers and timeouts are retried with growing waits; 4xx are not.">
      {log.isError && (
        <Notice tone="warning" title="Could not load the delivery log">
          {log.error.message}
        </Notice>
      )}
      {log.isSuccess && items.length === 0 && <p className="text-faint">Nothing delivered yet.</p>}
      {items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm" data-testid="alert-deliveries">
            <thead className="text-xs uppercase tracking-wide text-faint">
              <tr>
                <th className="py-2 pr-4 font-medium">When</th>
                <th className="py-2 pr-4 font-medium">Contact point</th>
                <th className="py-2 pr-4 font-medium">Message</th>
                <th className="py-2 pr-4 font-medium">Attempt</th>
                <th className="py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <DeliveryRow key={item.id} item={item} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasNextPage && (
        <Button variant="secondary" className="mt-3" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {log.isFetchingNextPage ? "Loading…" : "Show older"}
        </Button>
      )}
    </Card>
  );
}

function DeliveryRow({ item, now }: { item: AlertDelivery; now: number }) {
  return (
    <tr className="border-t border-line" data-testid="alert-delivery" data-status={item.status}>
      <td className="py-2 pr-4">
        <RelativeTime value={item.at} now={now} />
      </td>
      <td className="py-2 pr-4">{item.contactPoint.name}</td>
      <td className="py-2 pr-4 font-mono text-xs">{item.type}</td>
      <td className="py-2 pr-4">{item.attempt}</td>
      <td className={`py-2 ${STATUS_TONES[item.status] ?? ""}`}>
        {item.status}
        {item.httpStatus !== null && ` · HTTP ${item.httpStatus}`}
        {item.error !== null && item.httpStatus === null && ` · ${item.error}`}
      </td>
    </tr>
  );
}
