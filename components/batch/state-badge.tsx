import { Badge } from "@/components/ui/badge";
import type { BatchState } from "@/lib/batch-snapshot";
import { STATE_STYLES } from "./batch-styles";

type StateBadgeProps = {
  state: BatchState;
  /** The provider's own word for the state, shown when ours is only an interpretation of it. */
  providerStatus?: string | null;
  size?: "sm" | "lg" | "inherit";
};

export function StateBadge({ state, providerStatus, size = "sm" }: StateBadgeProps) {
  const style = STATE_STYLES[state];
  const raw = providerStatus?.trim();
  return (
    <Badge
      tone={style.text}
      size={size}
      dashed={state === "unknown"}
      data-testid="batch-state"
      data-state={state}
      title={raw ? `Provider status: ${raw}` : undefined}
    >
      <span aria-hidden className="size-[0.6em] rounded-full bg-current" />
      {style.label}
      {state === "unknown" && raw && <span className="font-mono text-xs opacity-80"> ({raw})</span>}
    </Badge>
  );
}
