import { Card } from "@/components/ui/card";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { cn } from "@/lib/class-names";
import { sendTimeOf } from "@/lib/send-time";
import { STATE_STYLES } from "./batch-styles";

/**
 * For a batch its provider reports no counts for (SendGrid): its state and when it sends, in
 * place of a percentage, counters and charts that could only say zero.
 */
export function BatchStateCard({ snapshot, now }: { snapshot: BatchSnapshot; now: number }) {
  const style = STATE_STYLES[snapshot.state];
  return (
    <Card aria-label="State" data-testid="batch-state-card">
      <p className={cn("text-stat-xl", style.text)}>{style.label}</p>
      <p className="mt-2 text-lg sm:text-xl" data-testid="batch-send-time">
        {sendTimeOf(snapshot, now)}
      </p>
      {snapshot.notes.length > 0 && (
        <ul className="mt-4 list-disc space-y-1 pl-5 text-muted">
          {snapshot.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
