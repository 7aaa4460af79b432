import "server-only";
import { getUpstream, upstreamStatusError } from "../http";
import { PROVIDER_INFO } from "../provider-id";
import type { FetchBatchContext } from "../types";

const NAME = PROVIDER_INFO.migma.name;

/** GET /v1/sending/batches/{id}; returns the JSON envelope, which may still hold success:false. */
export async function fetchMigmaBatch(
  batchId: string,
  { connection, signal }: FetchBatchContext,
): Promise<unknown> {
  const response = await getUpstream({
    providerName: NAME,
    baseUrl: connection.baseUrl,
    path: ["v1", "sending", "batches", batchId],
    headers: { Authorization: `Bearer ${connection.apiKey}` },
    timeoutMs: connection.timeoutMs,
    signal,
  });
  if (response.status !== 200) throw upstreamStatusError(NAME, response);
  return response.body;
}
