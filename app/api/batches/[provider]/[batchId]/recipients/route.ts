import { jsonResponse, sessionContext, withApi } from "@/lib/server/api";
import { listBatchRecipients, parseRecipientsRequest } from "@/lib/server/recipients";

export const dynamic = "force-dynamic";

type Params = { provider: string; batchId: string };

// GET /api/batches/{provider}/{batchId}/recipients?outcome=&q=&cursor=[&connection=] — one page of
// the batch's recipients, unmasked, for a signed-in team member only: a share token is 403
// (checked before the session, so a share link's viewer is told so rather than asked to sign in).
export const GET = withApi<Params>(async ({ request, url, params }) => {
  const input = parseRecipientsRequest(url, params);
  return jsonResponse(await listBatchRecipients(await sessionContext(request), input));
});
