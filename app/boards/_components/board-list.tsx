import Link from "next/link";
import type { BoardSummary } from "@/lib/board";
import { formatDateTime } from "@/lib/format";
import { BoardStates } from "./board-states";

export function BoardList({ boards }: { boards: BoardSummary[] }) {
  if (boards.length === 0) {
    return (
      <p
        className="rounded-xl border border-dashed border-line p-6 text-muted"
        data-testid="boards-empty"
      >
        No boards yet. Create one above, then add batches to it here or from any batch page.
      </p>
    );
  }
  // min-w-0 on each item: a grid item is at least as wide as its content, so a long name would
  // widen the page on a phone instead of being cut short by `truncate`.
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Boards">
      {boards.map((board) => (
        <li key={board.id} className="min-w-0" data-testid="board-row" data-board-id={board.id}>
          <Link
            href={`/boards/${board.id}`}
            className="block rounded-xl border border-line bg-panel p-4 transition-colors hover:border-muted"
          >
            <p className="truncate text-lg font-semibold">{board.name}</p>
            <p className="mt-1 text-sm text-muted">
              {board.batchCount === 1 ? "1 batch" : `${board.batchCount} batches`} · updated{" "}
              <span suppressHydrationWarning>{formatDateTime(board.updatedAt)}</span>
            </p>
            <BoardStates states={board.states} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
