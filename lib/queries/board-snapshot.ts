import { queryOptions } from "@tanstack/react-query";
import { ERROR_RETRY_MS } from "@/config/polling";
import { BOARD_POLL_MS, SHARE_POLL_MS } from "@/config/wall";
import { requestJsonIfChanged } from "@/lib/api-client";
import { boardSnapshotSchema } from "@/lib/board-snapshot";
import { confirmSnapshot, receiveSnapshot, type BoardSnapshotState } from "@/lib/board-snapshot-cards";
import type { WallSource } from "@/lib/wall/descriptor";
import { nextBatchPoll } from "./batch";
import { descriptorDeadReason } from "./wall";

/** Everything a board page or wall shows comes from here: one request per poll, whatever the number of batches. */
export function boardSnapshotPath(source: WallSource): string {
  return source.kind === "board"
    ? `/api/boards/${encodeURIComponent(source.boardId)}/snapshot`
    : `/api/share/${encodeURIComponent(source.token)}/snapshot`;
}

export function boardSnapshotKey(source: WallSource) {
  return ["board-snapshot", source] as const;
}

async function fetchBoardSnapshot(source: WallSource, previous: BoardSnapshotState | undefined, signal: AbortSignal): Promise<BoardSnapshotState> {
  const answer = await requestJsonIfChanged(boardSnapshotPath(source), boardSnapshotSchema, previous?.etag ?? null, { signal });
  const now = Date.now();
  if (!answer.modified) return confirmSnapshot(previous!, now);
  return receiveSnapshot(previous, answer.data, answer.etag, now);
}

/**
 * At the soonest pace any batch announces, sooner for a batch whose error may clear, and at
 * least as often as changes to the board (or a revoked link) must reach open screens. Never once
 * the link is dead or the board gone.
 */
export function nextSnapshotPoll(source: WallSource, state: BoardSnapshotState | undefined, error: unknown): number | false {
  if (error) return descriptorDeadReason(error) ? false : ERROR_RETRY_MS;
  const waits = [source.kind === "share" ? SHARE_POLL_MS : BOARD_POLL_MS];
  if (state?.pace.intervalMs != null) waits.push(Math.max(1_000, state.pace.intervalMs));
  for (const card of state?.cards ?? []) {
    const retry = card.error ? nextBatchPoll(undefined, card.error) : false;
    if (retry !== false) waits.push(retry);
  }
  return Math.min(...waits);
}

export function boardSnapshotQueryOptions(source: WallSource) {
  return queryOptions({
    queryKey: boardSnapshotKey(source),
    queryFn: ({ signal, client, queryKey }) => fetchBoardSnapshot(source, client.getQueryData(queryKey), signal),
    refetchInterval: (query) =>
      nextSnapshotPoll(source, query.state.data, query.state.status === "error" ? query.state.error : null),
    // Failures show at once on the cards; the interval above is the retry.
    retry: false,
  });
}
