import "server-only";
import { AppError } from "@/lib/errors";
import { checkKey } from "../key-check";
import type { ConnectionTestResult, FetchBatchContext, TestConnectionContext, UpstreamContext } from "../types";
import { upstreamFor } from "../upstream";
import { mindoProfile } from "./profile";

const NAME = mindoProfile.name;
/** Also serves the list and recipient calls (operations.ts). */
export const mindo = (context: UpstreamContext) => upstreamFor(mindoProfile, context, (apiKey) => ({ "X-API-Key": apiKey }));

/** GET /api/v1/meta-templates/bulk-sends/{id}/ — the trailing slash matters: Django redirects without it. */
export async function fetchMindoBulkSend(batchId: string, context: FetchBatchContext): Promise<unknown> {
  const upstream = mindo(context);
  const response = await upstream.get(["api", "v1", "meta-templates", "bulk-sends", batchId], { trailingSlash: true });
  if (response.status === 200) return response.body;
  // Mindo's 403 means the key is valid but may not read this bulk send.
  if (response.status === 403) {
    throw new AppError(
      "provider_auth_failed",
      `${NAME} refused access to this bulk send (HTTP 403): the API key lacks permission for it.`,
    );
  }
  throw upstream.statusError(response);
}

/** GET /api/v1/business-accounts/ — the cheapest call that needs a valid key. */
export function testMindoConnection(context: TestConnectionContext): Promise<ConnectionTestResult> {
  return checkKey(mindo(context), ["api", "v1", "business-accounts"], { trailingSlash: true });
}
