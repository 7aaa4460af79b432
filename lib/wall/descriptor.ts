import type { Board } from "@/lib/board";
import type { SharedView } from "@/lib/share-link";

/** What a wall shows, whether it came from a signed-in board or from a share link. */
export type WallDescriptor = SharedView;

export type WallSource = { kind: "board"; boardId: string } | { kind: "share"; token: string };

export function boardToDescriptor(board: Board): WallDescriptor {
  return {
    kind: "board",
    name: board.name,
    expiresAt: null,
    batches: board.batches.map(({ id, connectionId, provider, batchId, label }) => ({
      id,
      connectionId,
      provider,
      batchId,
      label,
    })),
  };
}

export type WallDeadReason = "revoked" | "expired" | "missing" | "signed-out";
