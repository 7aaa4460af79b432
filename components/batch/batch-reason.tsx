import type { BatchState } from "@/lib/batch-snapshot";
import { cn } from "@/lib/class-names";

const TONE: Partial<Record<BatchState, string>> = {
  failed: "text-outcome-failure",
  partial: "text-state-partial",
};

/** The provider's own words for how the batch ended, beside its state. */
export function BatchReason({
  reason,
  state,
  className,
}: {
  reason: string | null;
  state: BatchState;
  className?: string;
}) {
  if (!reason) return null;
  return (
    <p
      data-testid="batch-reason"
      title={reason}
      className={cn("min-w-0 font-medium", TONE[state] ?? "text-muted", className)}
    >
      {reason}
    </p>
  );
}
