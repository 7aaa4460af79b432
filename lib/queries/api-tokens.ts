import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { requestJson, requestNoContent } from "@/lib/api-client";
import { apiTokenListSchema, createdApiTokenSchema } from "@/lib/api-token";
import type { CreateApiTokenInput } from "@/lib/api-token";

const TOKENS_PATH = "/api/tokens";

export const apiTokensKey = ["api-tokens", { scope: "team" }] as const;

export function apiTokensQueryOptions() {
  return queryOptions({
    queryKey: apiTokensKey,
    queryFn: async ({ signal }) => (await requestJson(TOKENS_PATH, apiTokenListSchema, { signal })).items,
  });
}

export function createApiTokenOptions() {
  return mutationOptions({
    mutationKey: ["api-tokens", "create"],
    mutationFn: (input: CreateApiTokenInput) => requestJson(TOKENS_PATH, createdApiTokenSchema, { method: "POST", body: input }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

export function revokeApiTokenOptions(id: string) {
  return mutationOptions({
    mutationKey: ["api-tokens", "revoke", id],
    mutationFn: () => requestNoContent(`${TOKENS_PATH}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: apiTokensKey }),
  });
}
