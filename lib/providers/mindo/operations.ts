import "server-only";
import type { BatchState, Outcome } from "@/lib/batch-snapshot";
import { AppError } from "@/lib/errors";
import type { UpstreamResponse } from "../http";
import { pageCursor, pageSizeOf, readPageCursor } from "../page-cursor";
import type {
  ListBatchesQuery,
  OperationContext,
  RecipientPage,
  RecipientsQuery,
  SendSummaryPage,
} from "../types";
import type { Upstream } from "../upstream";
import { mindo } from "./client";
import { normalizeMindoBulkSendPage } from "./list-transform";
import { mindoProfile } from "./profile";
import { normalizeMindoMessagePage } from "./recipients-transform";

const NAME = mindoProfile.name;
const BULK_SENDS = ["api", "v1", "meta-templates", "bulk-sends"];
const PAGE_SIZE = { fallback: 20, max: 100 };

// The list's `status` filter takes Mindo's uppercase names (list-transform.test checks that each
// reads back as its state); a state Mindo has no name for is filtered here instead.
export const MINDO_STATUS_FILTER: Partial<Record<BatchState, string>> = {
  queued: "QUEUED",
  running: "PROCESSING",
  completed: "COMPLETED",
  partial: "PARTIAL",
  failed: "FAILED",
  cancelled: "CANCELLED",
};

/** GET …/bulk-sends/?status=&page=&page_size= — the next page is computed, never taken from `next`. */
export async function listMindoBulkSends(
  query: ListBatchesQuery,
  context: OperationContext,
): Promise<SendSummaryPage> {
  const upstream = mindo(context);
  const { page } = readPageCursor(query.cursor);
  const pageSize = pageSizeOf(query.pageSize, PAGE_SIZE.fallback, PAGE_SIZE.max);
  const status = query.status && MINDO_STATUS_FILTER[query.status];
  const response = await upstream.get(BULK_SENDS, {
    trailingSlash: true,
    query: { ...(status ? { status } : {}), ...pageQuery(page, pageSize) },
  });
  if (isPastLastPage(response)) return { items: [], nextCursor: null, notes: [] };
  if (response.status === 404)
    throw new AppError(
      "provider_error",
      `${NAME} has no bulk-send list at this address (HTTP 404).`,
    );
  if (response.status !== 200) throw upstream.statusError(response);
  return upstream.read(() =>
    normalizeMindoBulkSendPage(response.body, {
      page,
      pageSize,
      now: context.now,
      state: query.status,
    }),
  );
}

// Messages move from sent to delivered to read, so a success is read as three filtered lists in
// turn; pending messages are not listed by Mindo at all.
function statusesFor(outcome: Outcome | undefined): readonly (string | null)[] {
  if (outcome === undefined) return [null];
  if (outcome === "success") return ["sent", "delivered", "read"];
  if (outcome === "failure") return ["failed"];
  return [];
}

const NOT_LISTED = `${NAME} lists a message only once it has been sent: pending messages have no rows yet.`;

/** GET …/bulk-sends/{id}/messages/?status=&page=&page_size=; an empty stage moves on to the next. */
export async function listMindoMessages(
  batchId: string,
  query: RecipientsQuery,
  context: OperationContext,
): Promise<RecipientPage> {
  const statuses = statusesFor(query.outcome);
  if (statuses.length === 0) return { items: [], nextCursor: null, notes: [NOT_LISTED] };
  const upstream = mindo(context);
  const pageSize = pageSizeOf(query.pageSize, PAGE_SIZE.fallback, PAGE_SIZE.max);
  let { stage, page } = readPageCursor(query.cursor, statuses.length);
  for (;;) {
    const { items, hasMore, notes } = await readMessagePage(
      upstream,
      batchId,
      statuses[stage] ?? null,
      page,
      pageSize,
    );
    const lastStage = stage + 1 >= statuses.length;
    if (hasMore) return { items, nextCursor: pageCursor({ stage, page: page + 1 }), notes };
    if (lastStage) return { items, nextCursor: null, notes };
    if (items.length > 0)
      return { items, nextCursor: pageCursor({ stage: stage + 1, page: 1 }), notes };
    [stage, page] = [stage + 1, 1];
  }
}

async function readMessagePage(
  upstream: Upstream,
  batchId: string,
  status: string | null,
  page: number,
  pageSize: number,
) {
  const response = await upstream.get([...BULK_SENDS, batchId, "messages"], {
    trailingSlash: true,
    query: { ...(status ? { status } : {}), ...pageQuery(page, pageSize) },
  });
  // A message that moved on (sent → delivered) can shorten a filtered list under our cursor.
  if (isPastLastPage(response)) return { items: [], hasMore: false, notes: [] };
  if (response.status !== 200) throw upstream.statusError(response);
  return upstream.read(() => normalizeMindoMessagePage(response.body, { page, pageSize }));
}

function pageQuery(page: number, pageSize: number) {
  return { page: String(page), page_size: String(pageSize) };
}

// DRF answers a page past the end with 404 {"detail": "Invalid page."} (Spanish when localised).
function isPastLastPage({ status, body }: UpstreamResponse): boolean {
  if (status !== 404 || typeof body !== "object" || body === null || !("detail" in body))
    return false;
  return typeof body.detail === "string" && /invalid page|p[áa]gina inv[áa]lida/i.test(body.detail);
}
