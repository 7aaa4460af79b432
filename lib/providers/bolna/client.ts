import "server-only";
import { getUpstream, upstreamStatusError } from "../http";
import { checkKey } from "../key-check";
import { PROVIDER_INFO } from "../provider-id";
import type { ConnectionTestResult, FetchBatchContext, TestConnectionContext } from "../types";

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
    headers: { Authorization: `Bearer ${connection.readApiKey()}` },
    timeoutMs: connection.timeoutMs,
    signal,
  });
  if (response.status !== 200) throw upstreamStatusError(NAME, response);
  return response.body;
}

/** GET /user/me — the account behind the key; a bad key is 403 here too. */
export function testBolnaConnection({ connection, signal }: TestConnectionContext): Promise<ConnectionTestResult> {
  return checkKey({
    providerName: NAME,
    baseUrl: connection.baseUrl,
    path: ["user", "me"],
    headers: { Authorization: `Bearer ${connection.readApiKey()}` },
    timeoutMs: connection.timeoutMs,
    signal,
  });
}
