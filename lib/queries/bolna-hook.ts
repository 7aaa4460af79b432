import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { BOLNA_HOOK_STATUS_POLL_MS } from "@/config/polling";
import { requestJson } from "@/lib/api-client";
import { bolnaHookStatusSchema, createdBolnaHookSchema } from "@/lib/bolna-hook";

const hookPath = (connectionId: string) => `/api/connections/${encodeURIComponent(connectionId)}/bolna-hook`;

export const bolnaHookKey = (connectionId: string) => ["bolna-hook", { connectionId }] as const;

export function bolnaHookQueryOptions(connectionId: string) {
  return queryOptions({
    queryKey: bolnaHookKey(connectionId),
    queryFn: ({ signal }) => requestJson(hookPath(connectionId), bolnaHookStatusSchema, { signal }),
    refetchInterval: BOLNA_HOOK_STATUS_POLL_MS,
  });
}

export function rotateBolnaHookOptions(connectionId: string) {
  return mutationOptions({
    mutationKey: ["bolna-hook", "rotate", connectionId],
    mutationFn: () => requestJson(hookPath(connectionId), createdBolnaHookSchema, { method: "POST" }),
    onSuccess: (created, _input, _result, { client }) => client.setQueryData(bolnaHookKey(connectionId), created.status),
  });
}

export function setBolnaHookAllowlistOptions(connectionId: string) {
  return mutationOptions({
    mutationKey: ["bolna-hook", "allowlist", connectionId],
    mutationFn: (allowlist: string[]) => requestJson(hookPath(connectionId), bolnaHookStatusSchema, { method: "PATCH", body: { allowlist } }),
    onSuccess: (status, _input, _result, { client }) => client.setQueryData(bolnaHookKey(connectionId), status),
  });
}
