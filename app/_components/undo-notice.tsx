import { Button } from "@/components/ui/button";

type UndoNoticeProps = { message: string; onUndo: () => void };

/** A removal that has not happened yet: it can be taken back until the notice goes. */
export function UndoNotice({ message, onUndo }: UndoNoticeProps) {
  return (
    <div
      role="status"
      data-testid="undo-remove"
      className="fixed inset-x-4 bottom-4 z-40 flex items-center justify-between gap-4 rounded-xl border border-line bg-raised px-4 py-3 shadow-lg sm:left-auto sm:right-6 sm:max-w-lg"
    >
      <p className="min-w-0 text-sm">{message}</p>
      <Button variant="secondary" size="sm" onClick={onUndo}>
        Undo
      </Button>
    </div>
  );
}
