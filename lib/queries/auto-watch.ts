import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { requestJson, requestNoContent } from "@/lib/api-client";
import { autoWatchRuleListSchema, autoWatchRuleSchema } from "@/lib/auto-watch";
import type { CreateAutoWatchRuleInput, UpdateAutoWatchRuleInput } from "@/lib/auto-watch";
import { boardPath } from "./boards";

const rulesPath = (boardId: string) => `${boardPath(boardId)}/auto-watch`;
const rulesKey = (boardId: string) => ["auto-watch", { boardId }] as const;

/** Rules change only when someone edits them here: no polling, each change refetches. */
export function autoWatchRulesQueryOptions(boardId: string) {
  return queryOptions({
    queryKey: rulesKey(boardId),
    queryFn: async ({ signal }) => (await requestJson(rulesPath(boardId), autoWatchRuleListSchema, { signal })).items,
    retry: false,
  });
}

export function createAutoWatchRuleOptions(boardId: string) {
  return mutationOptions({
    mutationKey: ["auto-watch", "create", boardId],
    mutationFn: (input: CreateAutoWatchRuleInput) => requestJson(rulesPath(boardId), autoWatchRuleSchema, { method: "POST", body: input }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: rulesKey(boardId) }),
  });
}

export function updateAutoWatchRuleOptions(boardId: string) {
  return mutationOptions({
    mutationKey: ["auto-watch", "update", boardId],
    mutationFn: ({ ruleId, changes }: { ruleId: string; changes: UpdateAutoWatchRuleInput }) =>
      requestJson(`${rulesPath(boardId)}/${encodeURIComponent(ruleId)}`, autoWatchRuleSchema, { method: "PATCH", body: changes }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: rulesKey(boardId) }),
  });
}

export function removeAutoWatchRuleOptions(boardId: string) {
  return mutationOptions({
    mutationKey: ["auto-watch", "remove", boardId],
    mutationFn: (ruleId: string) => requestNoContent(`${rulesPath(boardId)}/${encodeURIComponent(ruleId)}`, { method: "DELETE" }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: rulesKey(boardId) }),
  });
}
