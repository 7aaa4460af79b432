import "server-only";
import { AppError } from "@/lib/errors";
import { getUpstream, upstreamStatusError } from "../http";
import { checkKey } from "../key-check";
import { PROVIDER_INFO } from "../provider-id";
import type { ConnectionTestResult, FetchBatchContext, TestConnectionContext } from "../types";

const NAME = PROVIDER_INFO.mindo.name;

/** GET /api/v1/meta-templates/bulk-sends/{id}/ — the trailing slash matters: Django redirects without it. */
export async function fetchMindoBulkSend(
  batchId: string,
  { connection, signal }: FetchBatchContext,
): Promise<unknown> {
  const response = await getUpstream({
    providerName: NAME,
    baseUrl: connection.baseUrl,
    path: ["api", "v1", "meta-templates", "bulk-sends", batchId],
    trailingSlash: true,
    headers: { "X-API-Key": connection.readApiKey() },
    timeoutMs: connection.timeoutMs,
    signal,
  });
  if (response.status === 200) return response.body;
  // Mindo's 403 means the key is valid but may not read this bulk send.
  if (response.status === 403) {
    throw new AppError(
      "provider_auth_failed",
      `${NAME} refused access to this bulk send (HTTP 403): the API key lacks permission for it.`,
    );
  }
  throw upstreamStatusError(NAME, response);
}

/** GET /api/v1/business-accounts/ — the cheapest call that needs a valid key. */
export function testMindoConnection({ connection, signal }: TestConnectionContext): Promise<ConnectionTestResult> {
  return checkKey({
    providerName: NAME,
    baseUrl: connection.baseUrl,
    path: ["api", "v1", "business-accounts"],
    trailingSlash: true,
    headers: { "X-API-Key": connection.readApiKey() },
    timeoutMs: connection.timeoutMs,
    signal,
  });
}
