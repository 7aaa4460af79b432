import { Button } from "@/components/ui/button";

type BoardCardActionsProps = {
  name: string;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

export function BoardCardActions({
  name,
  first,
  last,
  busy,
  onMove,
  onRemove,
}: BoardCardActionsProps) {
  return (
    <>
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
