import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { requestJson, requestNoContent } from "@/lib/api-client";
import { createdShareLinkSchema, shareLinkListSchema } from "@/lib/share-link";
import type { CreateShareLinkInput } from "@/lib/share-link";
import { boardPath } from "./boards";

export function shareLinksKey(boardId: string) {
  return ["share-links", { boardId }] as const;
}

export function shareLinksQueryOptions(boardId: string) {
  return queryOptions({
    queryKey: shareLinksKey(boardId),
    queryFn: async ({ signal }) =>
      (await requestJson(`${boardPath(boardId)}/share-links`, shareLinkListSchema, { signal }))
        .items,
    // Last-used and view counts change while the link is on some screen.
    refetchInterval: 30_000,
    retry: false,
  });
}

export function createShareLinkOptions(boardId: string) {
  return mutationOptions({
    mutationKey: ["share-links", "create", boardId],
    mutationFn: (input: CreateShareLinkInput) =>
      requestJson(`${boardPath(boardId)}/share-links`, createdShareLinkSchema, {
        method: "POST",
        body: input,
      }),
    onSuccess: (_link, _input, _result, { client }) =>
      void client.invalidateQueries({ queryKey: shareLinksKey(boardId) }),
  });
}

export function revokeShareLinkOptions(boardId: string) {
  return mutationOptions({
    mutationKey: ["share-links", "revoke", boardId],
    mutationFn: (id: string) =>
      requestNoContent(`/api/share-links/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_data, _id, _result, { client }) =>
      void client.invalidateQueries({ queryKey: shareLinksKey(boardId) }),
  });
}
