import { Badge } from "@/components/ui/badge";

type SettleBadgeProps = {
  final: boolean;
  provisional: boolean;
  /** What may still change, as the provider's profile names it ("delivery and read counts"). */
  lateCounts: string | null;
};

/** Whether the numbers can still change after everything was processed. */
export function SettleBadge({ final, provisional, lateCounts }: SettleBadgeProps) {
  if (final) {
    return (
      <Badge
        tone="text-outcome-success"
        data-testid="batch-final"
        title="These numbers will not change any more."
      >
        Final
      </Badge>
    );
  }
  if (!provisional || !lateCounts) return null;
  return (
    <Badge
      tone="text-notice-info"
      dashed
      data-testid="batch-provisional"
      className="whitespace-normal!"
    >
      Provisional — late {lateCounts} may still change
    </Badge>
  );
}
