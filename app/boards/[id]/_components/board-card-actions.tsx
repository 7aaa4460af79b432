import { LabelEditor } from "@/components/batch/label-editor";
import { Button } from "@/components/ui/button";
import type { LabelTarget } from "@/lib/queries/labels";

type BoardCardActionsProps = {
  name: string;
  /** The batch to rename, its team label, and the name it falls back to without one. */
  target: LabelTarget;
  label: string | null;
  fallback: string;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

export function BoardCardActions({
  name,
  target,
  label,
  fallback,
  first,
  last,
  busy,
  onMove,
  onRemove,
}: BoardCardActionsProps) {
  return (
    <>
      <LabelEditor target={target} label={label} fallback={fallback} className="mr-auto" />
      <Button
        variant="ghost"
        size="sm"
        disabled={first || busy}
        onClick={() => onMove(-1)}
        aria-label={`Move ${name} up`}
      >
        ↑ Up
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={last || busy}
        onClick={() => onMove(1)}
        aria-label={`Move ${name} down`}
      >
        ↓ Down
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={busy}
        onClick={onRemove}
        aria-label={`Remove ${name}`}
      >
        Remove
      </Button>
    </>
  );
}
