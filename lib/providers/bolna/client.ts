import "server-only";
import { checkKey } from "../key-check";
import type { ConnectionTestResult, FetchBatchContext, TestConnectionContext, UpstreamContext } from "../types";
import { bearerAuth, upstreamFor } from "../upstream";
import { bolnaProfile } from "./profile";

/** Also serves the list, stop and execution calls (operations.ts). */
export const bolna = (context: UpstreamContext) => upstreamFor(bolnaProfile, context, bearerAuth);

/** GET /batches/{id}. A bad key comes back as 403 {"detail": …}, which statusError maps to auth. */
export async function fetchBolnaBatch(batchId: string, context: FetchBatchContext): Promise<unknown> {
  const upstream = bolna(context);
  const response = await upstream.get(["batches", batchId]);
  if (response.status !== 200) throw upstream.statusError(response);
  return response.body;
}

/** GET /user/me — the account behind the key; a bad key is 403 here too. */
export function testBolnaConnection(context: TestConnectionContext): Promise<ConnectionTestResult> {
  return checkKey(bolna(context), ["user", "me"]);
}
