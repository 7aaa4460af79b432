import "server-only";
import { profileOf } from "@/lib/providers/profiles";
import { pageCursor, readPageCursor } from "@/lib/providers/page-cursor";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import { matchesSendQuery, type RecentSendsPage, type RecentSendsQuery } from "@/lib/recent-sends";
import type { SendSummaryPage } from "@/lib/providers/types";
import { resolveConnectionById, type ResolvedConnection } from "../connections";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";
import { listHeldAndSeenSends, listPerAgentSends, type SendList } from "./merged-lists";
import { watchedBatchIds } from "./seen-batches";
import { fetchBatchPage } from "./upstream-lists";

export const RECENT_SENDS_PAGE_SIZE = 25;

const PAGE_SEARCH_NOTE = "The search looks through each page the provider returns: later pages may hold more matches.";
const WHOLE_SEARCH_NOTE = "The search looks through every send listed here.";

/**
 * A connection's recent sends, newest first, from whatever its provider can list (its profile's
 * capabilities.list). Every provider call goes through the on-demand lane (provider_busy when the
 * budget is busy) and is cached briefly; `q` filters by name or id what was fetched.
 */
export async function listRecentSends(ctx: ServiceContext, query: RecentSendsQuery): Promise<RecentSendsPage> {
  assertCan(ctx.actor, "batches:read");
  const connection = await resolveConnectionById(ctx.actor.teamId, query.connection);
  const page = await pageOf(ctx, connection, query);
  if (!page) return { supported: false, items: [], nextCursor: null, notes: [notListedNote(connection)] };
  const watched = await watchedBatchIds(ctx.db, ctx.actor.teamId, connection);
  return { supported: true, ...page, items: page.items.map((item) => ({ ...item, watched: watched.has(item.batchId) })) };
}

async function pageOf(ctx: ServiceContext, connection: ResolvedConnection, query: RecentSendsQuery): Promise<SendSummaryPage | null> {
  const list = profileOf(connection.provider).capabilities.list;
  switch (list) {
    case "account":
      return searchedProviderPage(await fetchBatchPage(connection, { status: query.status, cursor: query.cursor ?? null }), query.q);
    case "per-agent":
      return ownPage(await listPerAgentSends(connection, query.status), query);
    case "paused-and-cancelled":
      return ownPage(await listHeldAndSeenSends(ctx.db, ctx.actor.teamId, connection, query.status), query);
    case "none":
      return null;
  }
}

function searchedProviderPage(page: SendSummaryPage, q: string | undefined): SendSummaryPage {
  if (!q) return page;
  return { ...page, items: page.items.filter((item) => matchesSendQuery(item, q)), notes: [...page.notes, PAGE_SEARCH_NOTE] };
}

/** A list Sendboard merged itself: searched whole, then paged by our own page numbers. */
function ownPage(list: SendList, query: RecentSendsQuery): SendSummaryPage {
  const { page } = readPageCursor(query.cursor);
  const matching = query.q ? list.items.filter((item) => matchesSendQuery(item, query.q!)) : list.items;
  const start = (page - 1) * RECENT_SENDS_PAGE_SIZE;
  const hasMore = matching.length > start + RECENT_SENDS_PAGE_SIZE;
  return {
    items: matching.slice(start, start + RECENT_SENDS_PAGE_SIZE),
    nextCursor: hasMore ? pageCursor({ stage: 0, page: page + 1 }) : null,
    notes: query.q ? [...list.notes, WHOLE_SEARCH_NOTE] : list.notes,
  };
}

function notListedNote(connection: ResolvedConnection): string {
  return `${PROVIDER_INFO[connection.provider].name} has no list of its sends: paste the batch id (its campaign shows it).`;
}
