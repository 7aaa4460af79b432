import { infiniteQueryOptions } from "@tanstack/react-query";
import { requestJson } from "@/lib/api-client";
import type { ProviderId } from "@/lib/providers/provider-id";
import { recipientsPageSchema, type RecipientFilter } from "@/lib/recipients";

/** What the panel asks for; the search stays out of the page's URL (it may be someone's number). */
export type RecipientsScope = { connectionId?: string; outcome?: RecipientFilter; q?: string };

/** The server keeps rows this long: asking again sooner would bring the same rows. */
const RECIPIENTS_STALE_MS = 30_000;

export function recipientsPath(
  provider: ProviderId,
  batchId: string,
  format: "json" | "csv",
  { connectionId, outcome, q }: RecipientsScope,
  cursor?: string | null,
): string {
  const file = format === "csv" ? "recipients.csv" : "recipients";
  const path = `/api/batches/${encodeURIComponent(provider)}/${encodeURIComponent(batchId)}/${file}`;
  const query = new URLSearchParams();
  if (connectionId) query.set("connection", connectionId);
  if (outcome) query.set("outcome", outcome);
  if (q?.trim()) query.set("q", q.trim());
  if (cursor) query.set("cursor", cursor);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** Asked only while the panel is open, never polled: each further page continues at nextCursor. */
export function recipientsQueryOptions(provider: ProviderId, batchId: string, scope: RecipientsScope) {
  return infiniteQueryOptions({
    queryKey: ["batch-recipients", { provider, batchId, ...scope }] as const,
    queryFn: ({ pageParam, signal }) =>
      requestJson(recipientsPath(provider, batchId, "json", scope, pageParam), recipientsPageSchema, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: RECIPIENTS_STALE_MS,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
