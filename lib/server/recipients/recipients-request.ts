import "server-only";
import { parseBatchRequest } from "@/lib/batch-ref";
import { AppError } from "@/lib/errors";
import { recipientsQuerySchema } from "@/lib/recipients";
import { parseQuery } from "../api";
import type { RecipientsInput } from "./list-recipients";

/**
 * The recipients routes' input. A share token is refused before anything else: share links and
 * wall screens never get recipient rows, whoever else is signed in in the same browser.
 */
export function parseRecipientsRequest(
  url: Pick<URL, "searchParams">,
  params: { provider: string; batchId: string },
): RecipientsInput {
  const { share, connection, outcome, q, cursor } = parseQuery(url, recipientsQuerySchema);
  if (share !== undefined) throw new AppError("forbidden", "Share links never show a batch's recipients.");
  return { ...parseBatchRequest(params), connectionId: connection ?? null, outcome, query: q, cursor };
}
