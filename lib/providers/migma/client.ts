import "server-only";
import { getUpstream, upstreamStatusError } from "../http";
import { checkKey, keyWorks } from "../key-check";
import { PROVIDER_INFO } from "../provider-id";
import type { ConnectionTestResult, FetchBatchContext, TestConnectionContext } from "../types";

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
    headers: { Authorization: `Bearer ${connection.readApiKey()}` },
    timeoutMs: connection.timeoutMs,
    signal,
  });
  if (response.status !== 200) throw upstreamStatusError(NAME, response);
  return response.body;
}

/** GET /v1/projects — the docs' own authentication example. */
export function testMigmaConnection({ connection, signal }: TestConnectionContext): Promise<ConnectionTestResult> {
  return checkKey({
    providerName: NAME,
    baseUrl: connection.baseUrl,
    path: ["v1", "projects"],
    headers: { Authorization: `Bearer ${connection.readApiKey()}` },
    timeoutMs: connection.timeoutMs,
    signal,
    // Migma can answer 200 with success:false; that is not a confirmation.
    readOk: ({ body }) =>
      typeof body === "object" && body !== null && "success" in body && body.success === false
        ? { ok: false, message: `Could not check the key: ${NAME} answered without confirming it.` }
        : keyWorks(NAME),
  });
}
