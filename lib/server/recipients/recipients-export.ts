import "server-only";
import type { RecipientRow } from "@/lib/recipient-row";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";
import { recipientMatcher } from "./recipient-filters";
import { MAX_LIST_ROWS } from "./recipient-lists";
import { resolveRecipientSource, type RecipientsInput } from "./list-recipients";
import { formatRecipientsCsv } from "./recipients-csv";

/** Enough for MAX_LIST_ROWS at the smallest provider page (Bolna's 50). */
const MAX_EXPORT_CALLS = 40;
const WEBHOOK_PAGE_SIZE = 500;

/** Every row of the list that the search keeps (up to MAX_LIST_ROWS), as a masked CSV download. */
export async function getBatchRecipientsCsv(
  ctx: ServiceContext,
  input: RecipientsInput,
): Promise<{ filename: string; csv: string }> {
  assertCan(ctx.actor, "batches:read");
  const source = await resolveRecipientSource(ctx, input);
  let rows: readonly RecipientRow[] = [];
  if (source.kind === "api") {
    await source.list.readUntil(() => false, MAX_EXPORT_CALLS);
    rows = source.list.rows.filter(recipientMatcher(input.query));
  }
  // A webhook source searches by itself.
  if (source.kind === "webhook") rows = await readAllWebhookRows(ctx, input, source);
  const filename = `${input.provider}-${input.batchId}-recipients${input.outcome ? `-${input.outcome}` : ""}.csv`;
  return {
    // Batch ids are already checked; the replace keeps the header safe whatever the rules become.
    filename: filename.replace(/[^A-Za-z0-9._=-]/g, "_"),
    csv: formatRecipientsCsv(rows),
  };
}

async function readAllWebhookRows(
  ctx: ServiceContext,
  input: RecipientsInput,
  source: Extract<Awaited<ReturnType<typeof resolveRecipientSource>>, { kind: "webhook" }>,
): Promise<RecipientRow[]> {
  if (input.outcome === "unreached") return [];
  const rows: RecipientRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.read(ctx.db, {
      connectionId: source.connectionId,
      batchId: input.batchId,
      outcome: input.outcome,
      query: input.query,
      cursor,
      pageSize: WEBHOOK_PAGE_SIZE,
    });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && rows.length < MAX_LIST_ROWS);
  return rows.slice(0, MAX_LIST_ROWS);
}
