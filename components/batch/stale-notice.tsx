import { Notice } from "@/components/ui/notice";

type StaleNoticeProps = {
  /** The server itself says it is serving a cached copy because the provider failed. */
  servedFromCache: boolean;
};

// The text stays still on purpose: it sits in a live region, and a ticking age would be read out
// every second. The ticking "Updated N s ago" line above carries the age.
export function StaleNotice({ servedFromCache }: StaleNoticeProps) {
  return (
    <Notice
      tone="warning"
      title={
        servedFromCache
          ? "Showing cached numbers"
          : "No fresh data — these numbers may be out of date"
      }
      data-testid="stale-banner"
      className="border-2"
    >
      {servedFromCache
        ? "The provider could not be reached, so the server sent the last numbers it had. They may be out of date."
        : "Sendboard has not received new numbers for a while. The figures below are dimmed because they may be out of date."}
    </Notice>
  );
}
