import { Badge } from "@/components/ui/badge";

type SettleBadgeProps = { final: boolean; provisional: boolean };

/** Whether the numbers can still change after everything was processed. */
export function SettleBadge({ final, provisional }: SettleBadgeProps) {
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
  if (!provisional) return null;
  return (
    <Badge
      tone="text-notice-info"
      dashed
      data-testid="batch-provisional"
      className="whitespace-normal!"
    >
      Provisional — late delivery/read counts may still change
    </Badge>
  );
}
