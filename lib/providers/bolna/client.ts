import "server-only";
import { getUpstream, upstreamStatusError } from "../http";
import { PROVIDER_INFO } from "../provider-id";
import type { FetchBatchContext } from "../types";

const NAME = PROVIDER_INFO.bolna.name;

/** GET /batches/{id}. A bad key comes back as 403 {"detail": …}, which upstreamStatusError maps to auth. */
export async function fetchBolnaBatch(
  batchId: string,
  { connection, signal }: FetchBatchContext,
): Promise<unknown> {
  const response = await getUpstream({
    providerName: NAME,
    baseUrl: connection.baseUrl,
    path: ["batches", batchId],
    headers: { Authorization: `Bearer ${connection.apiKey}` },
    timeoutMs: connection.timeoutMs,
    signal,
  });
  if (response.status !== 200) throw upstreamStatusError(NAME, response);
  return response.body;
}
