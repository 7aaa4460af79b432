import { sessionContext, withApi } from "@/lib/server/api";
import { getBatchRecipientsCsv, parseRecipientsRequest } from "@/lib/server/recipients";

export const dynamic = "force-dynamic";

type Params = { provider: string; batchId: string };

// GET /api/batches/{provider}/{batchId}/recipients.csv?outcome=&q=[&connection=] — the filtered
// rows as a masked, formula-safe download; a share token is 403, as for the rows themselves.
export const GET = withApi<Params>(async ({ request, url, params }) => {
  const input = parseRecipientsRequest(url, params);
  const { filename, csv } = await getBatchRecipientsCsv(await sessionContext(request), input);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
