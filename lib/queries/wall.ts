import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { ERROR_RETRY_MS } from "@/config/polling";
import { BOARD_POLL_MS, SHARE_POLL_MS, VERSION_POLL_MS } from "@/config/wall";
import { isApiError, requestJson } from "@/lib/api-client";
import { boardSchema } from "@/lib/board";
import { sharedViewSchema } from "@/lib/share-link";
import { boardToDescriptor } from "@/lib/wall/descriptor";
import type { WallDeadReason, WallDescriptor, WallSource } from "@/lib/wall/descriptor";
import { boardPath } from "./boards";

/** Why the whole screen must stop, from an error of the board or share request. */
export function descriptorDeadReason(error: unknown): WallDeadReason | null {
  if (isApiError(error, "share_link_revoked")) return "revoked";
  if (isApiError(error, "share_link_expired")) return "expired";
  if (isApiError(error, "not_found", "forbidden")) return "missing";
  if (isApiError(error, "unauthorized")) return "signed-out";
  return null;
}

/** A batch request made with a dead token says so too: the screen stops at the next batch poll. */
export function batchDeadReason(error: unknown): WallDeadReason | null {
  if (isApiError(error, "share_link_revoked")) return "revoked";
  if (isApiError(error, "share_link_expired")) return "expired";
  return null;
}

async function fetchDescriptor(source: WallSource, signal: AbortSignal): Promise<WallDescriptor> {
  if (source.kind === "board")
    return boardToDescriptor(await requestJson(boardPath(source.boardId), boardSchema, { signal }));
  return requestJson(`/api/share/${encodeURIComponent(source.token)}`, sharedViewSchema, {
    signal,
  });
}

export function wallDescriptorQueryOptions(source: WallSource) {
  return queryOptions({
    queryKey: ["wall", source] as const,
    queryFn: ({ signal }) => fetchDescriptor(source, signal),
    refetchInterval: (query) => {
      if (query.state.status === "error")
        return descriptorDeadReason(query.state.error) ? false : ERROR_RETRY_MS;
      return source.kind === "share" ? SHARE_POLL_MS : BOARD_POLL_MS;
    },
    retry: false,
  });
}

const versionSchema = z.object({ version: z.string() });

export function appVersionQueryOptions() {
  return queryOptions({
    queryKey: ["app-version"] as const,
    queryFn: async ({ signal }) =>
      (await requestJson("/api/version", versionSchema, { signal })).version,
    refetchInterval: VERSION_POLL_MS,
    retry: false,
  });
}
