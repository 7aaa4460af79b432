import "server-only";
import { AppError } from "@/lib/errors";
import type { BatchRef } from "@/lib/batch-ref";
import type { RecipientFilter, RecipientsPage } from "@/lib/recipients";
import { resolveConnection } from "../connections";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";
import { groupReasons, recipientMatcher } from "./recipient-filters";
import { MAX_LIST_ROWS } from "./recipient-lists";
import { recipientSourceFor, type RecipientSource } from "./recipient-source";

export type RecipientsInput = BatchRef & {
  connectionId: string | null;
  outcome?: RecipientFilter;
  query?: string;
  cursor?: string | null;
};

export const RECIPIENTS_PAGE_SIZE = 50;
/** Provider pages one request may read: a search that matches little stops here and offers more. */
const MAX_CALLS_PER_REQUEST = 5;
/** The failures read up front so the breakdown by reason stands on more than one page. */
const REASON_ROWS = 500;

const CAPPED = `Sendboard reads at most ${MAX_LIST_ROWS.toLocaleString("en")} rows of one list; the provider's console has the rest.`;

/** A signed-in team member's page of a batch's recipients, unmasked (the batch page is theirs). */
export async function listBatchRecipients(ctx: ServiceContext, input: RecipientsInput): Promise<RecipientsPage> {
  assertCan(ctx.actor, "batches:read");
  const source = await resolveRecipientSource(ctx, input);
  if (source.kind === "none") return emptyPage(false, [source.note]);
  if (source.kind === "webhook") {
    // Webhook events know no unreached recipients.
    if (input.outcome === "unreached") return emptyPage(true, []);
    const page = await source.read(ctx.db, {
      connectionId: source.connectionId,
      batchId: input.batchId,
      outcome: input.outcome,
      query: input.query,
      cursor: input.cursor ?? null,
      pageSize: RECIPIENTS_PAGE_SIZE,
    });
    const rows = page.reasons.reduce((sum, reason) => sum + reason.count, 0);
    return { supported: true, ...page, reasonsOver: rows > 0 ? { rows, complete: true } : null, notes: [] };
  }
  const { list } = source;
  const offset = readOffset(input.cursor);
  const matches = recipientMatcher(input.query);
  const groups = input.outcome === undefined || input.outcome === "failure" || input.outcome === "unreached";
  const wanted = offset + RECIPIENTS_PAGE_SIZE;
  const busy = await list
    .readUntil(
      (rows) => rows.filter(matches).length > wanted && (offset > 0 || !groups || rows.length >= REASON_ROWS),
      MAX_CALLS_PER_REQUEST,
    )
    .then(
      () => null,
      // The budget cannot spare another page now: what was read is still worth showing.
      (error: unknown) => {
        if (error instanceof AppError && error.code === "provider_busy" && list.rows.length > offset) return error.message;
        throw error;
      },
    );
  const found = list.rows.filter(matches);
  const items = found.slice(offset, wanted);
  const more = found.length > wanted || (!list.complete && !list.capped);
  const { reasons, rows } = groupReasons(list.rows);
  return {
    supported: true,
    items,
    nextCursor: more ? String(offset + items.length) : null,
    reasons: groups ? reasons : [],
    reasonsOver: groups && rows > 0 ? { rows, complete: list.complete } : null,
    notes: [...list.notes, ...(list.capped ? [CAPPED] : []), ...(busy ? [busy] : [])],
  };
}

export type ResolvedRecipientSource =
  | Exclude<RecipientSource, { kind: "webhook" }>
  | (Extract<RecipientSource, { kind: "webhook" }> & { connectionId: string });

/** The batch's rows through one of the team's connections (its default for the provider unless one is named). */
export async function resolveRecipientSource(ctx: ServiceContext, input: RecipientsInput): Promise<ResolvedRecipientSource> {
  const connection = await resolveConnection(ctx.actor.teamId, input.provider, input.connectionId);
  const source = recipientSourceFor(connection, input, input.outcome);
  return source.kind === "webhook" ? { ...source, connectionId: connection.id } : source;
}

function emptyPage(supported: boolean, notes: string[]): RecipientsPage {
  return { supported, items: [], nextCursor: null, reasons: [], reasonsOver: null, notes };
}

// Our cursor is the number of rows already shown; anything else was not made here.
function readOffset(cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null || cursor === "") return 0;
  if (!/^\d{1,5}$/.test(cursor) || Number(cursor) > MAX_LIST_ROWS)
    throw new AppError("bad_request", "This list position is not valid: start again from the first page.");
  return Number(cursor);
}
