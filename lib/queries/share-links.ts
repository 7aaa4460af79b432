import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { requestJson, requestNoContent } from "@/lib/api-client";
import { createdShareLinkSchema, shareLinkListSchema } from "@/lib/share-link";
import type { CreateShareLinkInput } from "@/lib/share-link";
import type { ProviderId } from "@/lib/providers/provider-id";
import { boardPath } from "./boards";

const SHARE_LINKS_PATH = "/api/share-links";
// Last-used and view counts change while the link is on some screen.
const SHARE_LINKS_POLL_MS = 30_000;

/** What a new link shows: a board's wall, or one batch. */
export type NewShareLinkTarget = { boardId: string } | { batch: { provider: ProviderId; batchId: string; connectionId?: string } };

const allShareLinksKey = ["share-links"] as const;

export function shareLinksKey(boardId: string) {
  return ["share-links", { boardId }] as const;
}

export const teamShareLinksKey = ["share-links", { scope: "team" }] as const;

export function shareLinksQueryOptions(boardId: string) {
  return queryOptions({
    queryKey: shareLinksKey(boardId),
    queryFn: async ({ signal }) =>
      (await requestJson(`${boardPath(boardId)}/share-links`, shareLinkListSchema, { signal }))
        .items,
    refetchInterval: SHARE_LINKS_POLL_MS,
    retry: false,
  });
}

/** Settings → Share links: every live link of the team. */
export function teamShareLinksQueryOptions() {
  return queryOptions({
    queryKey: teamShareLinksKey,
    queryFn: async ({ signal }) => (await requestJson(SHARE_LINKS_PATH, shareLinkListSchema, { signal })).items,
    refetchInterval: SHARE_LINKS_POLL_MS,
    retry: false,
  });
}

export function createShareLinkOptions(target: NewShareLinkTarget) {
  const path = "boardId" in target ? `${boardPath(target.boardId)}/share-links` : SHARE_LINKS_PATH;
  return mutationOptions({
    mutationKey: ["share-links", "create", path],
    mutationFn: (input: CreateShareLinkInput) =>
      requestJson(path, createdShareLinkSchema, {
        method: "POST",
        body: "boardId" in target ? input : { ...input, ...target.batch },
      }),
    onSuccess: (_link, _input, _result, { client }) => void client.invalidateQueries({ queryKey: allShareLinksKey }),
  });
}

/** Revoking shows in every list at once: the board's and the team's. */
export function revokeShareLinkOptions() {
  return mutationOptions({
    mutationKey: ["share-links", "revoke"],
    mutationFn: (id: string) =>
      requestNoContent(`${SHARE_LINKS_PATH}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_data, _id, _result, { client }) => void client.invalidateQueries({ queryKey: allShareLinksKey }),
  });
}
