import { mutationOptions } from "@tanstack/react-query";
import { requestJson } from "@/lib/api-client";
import { batchViewSchema } from "@/lib/batch-view";
import type { BatchAction } from "@/lib/providers/provider-profile";
import type { ProviderId } from "@/lib/providers/provider-id";
import { sendTimeResponseSchema } from "@/lib/send-time-input";
import { batchQueryOptions } from "./batch";

export type ActionTarget = { provider: ProviderId; batchId: string; connectionId?: string };

function batchPath({ provider, batchId }: ActionTarget, rest: string): string {
  return `/api/batches/${encodeURIComponent(provider)}/${encodeURIComponent(batchId)}/${rest}`;
}

/** Pause, resume, cancel or stop; the answer is the batch polled again, shown at once. */
export function batchActionOptions(target: ActionTarget) {
  const { queryKey } = batchQueryOptions(target.provider, target.batchId, { connectionId: target.connectionId });
  return mutationOptions({
    mutationKey: ["batch-action", target],
    mutationFn: (action: BatchAction) =>
      requestJson(batchPath(target, "actions"), batchViewSchema, {
        method: "POST",
        body: { action, ...(target.connectionId ? { connectionId: target.connectionId } : {}) },
      }),
    onSuccess: (view, _action, _result, { client }) => client.setQueryData(queryKey, view),
  });
}

/** Tells Sendboard when a SendGrid batch sends (null: forget it); the batch is read again. */
export function sendTimeOptions(target: ActionTarget) {
  const { queryKey } = batchQueryOptions(target.provider, target.batchId, { connectionId: target.connectionId });
  const query = target.connectionId ? `?${new URLSearchParams({ connection: target.connectionId })}` : "";
  return mutationOptions({
    mutationKey: ["send-time", target],
    mutationFn: async (sendAt: string | null) =>
      (await requestJson(batchPath(target, `send-time${query}`), sendTimeResponseSchema, { method: "PUT", body: { sendAt } })).sendAt,
    // The server answers once the batch has been polled with the new time.
    onSuccess: (_sendAt, _input, _result, { client }) => client.invalidateQueries({ queryKey }),
  });
}
