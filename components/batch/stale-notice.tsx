import { Notice } from "@/components/ui/notice";
import { formatRelativeTime } from "@/lib/format";

type StaleNoticeProps = {
  /** When this page last received numbers. */
  receivedAt: number;
  now: number;
  /** The server itself says it is serving a cached copy because the provider failed. */
  servedFromCache: boolean;
};

export function StaleNotice({ receivedAt, now, servedFromCache }: StaleNoticeProps) {
  const age = formatRelativeTime(receivedAt, now);
  return (
    <Notice
      tone="warning"
      title={servedFromCache ? "Showing cached numbers" : `No fresh data — last update ${age}`}
      data-testid="stale-banner"
      className="border-2"
    >
      {servedFromCache
        ? "The provider could not be reached, so the server sent the last numbers it had. They may be out of date."
        : "Sendboard has not received new numbers for a while. The figures below are dimmed because they may be out of date."}
    </Notice>
  );
}
