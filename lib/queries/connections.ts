import { mutationOptions, queryOptions } from "@tanstack/react-query";
import { requestJson, requestNoContent } from "@/lib/api-client";
import { connectionListSchema, connectionSchema, connectionTestResultSchema } from "@/lib/connection";
import type { CreateConnectionInput, UpdateConnectionInput } from "@/lib/connection";

const CONNECTIONS_PATH = "/api/connections";
const connectionPath = (id: string) => `${CONNECTIONS_PATH}/${encodeURIComponent(id)}`;

export const connectionsKey = ["connections", { scope: "team" }] as const;

// Settings change only when an admin acts here, so no polling: each change refetches the list.
export function connectionsQueryOptions() {
  return queryOptions({
    queryKey: connectionsKey,
    queryFn: async ({ signal }) => (await requestJson(CONNECTIONS_PATH, connectionListSchema, { signal })).items,
  });
}

export function addConnectionOptions() {
  return mutationOptions({
    mutationKey: ["connections", "add"],
    mutationFn: (input: CreateConnectionInput) => requestJson(CONNECTIONS_PATH, connectionSchema, { method: "POST", body: input }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: connectionsKey }),
  });
}

export function updateConnectionOptions(id: string) {
  return mutationOptions({
    mutationKey: ["connections", "update", id],
    mutationFn: (changes: UpdateConnectionInput) => requestJson(connectionPath(id), connectionSchema, { method: "PATCH", body: changes }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: connectionsKey }),
  });
}

export function removeConnectionOptions(id: string) {
  return mutationOptions({
    mutationKey: ["connections", "remove", id],
    mutationFn: () => requestNoContent(connectionPath(id), { method: "DELETE" }),
    onSuccess: (_data, _input, _result, { client }) => client.invalidateQueries({ queryKey: connectionsKey }),
  });
}

export function testConnectionOptions(id: string) {
  return mutationOptions({
    mutationKey: ["connections", "test", id],
    mutationFn: () => requestJson(`${connectionPath(id)}/test`, connectionTestResultSchema, { method: "POST" }),
  });
}
