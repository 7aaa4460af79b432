import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { requestJson } from "@/lib/api-client";
import { recentSendsPageSchema, sendConnectionListSchema } from "@/lib/recent-sends";

const SENDS_PATH = "/api/sends";

/** Connections change only in settings: read once per page, refreshed with the picker's list. */
export function sendConnectionsQueryOptions() {
  return queryOptions({
    queryKey: ["sends", "connections"],
    queryFn: async ({ signal }) => (await requestJson(`${SENDS_PATH}/connections`, sendConnectionListSchema, { signal })).items,
    staleTime: 60_000,
  });
}

/** The server caches each list for 15 s; asking more often buys nothing. */
const RECENT_SENDS_STALE_MS = 15_000;

/** A connection's recent sends, page after page (nextCursor), searched by the server. */
export function recentSendsQueryOptions(connectionId: string, q: string) {
  return infiniteQueryOptions({
    queryKey: ["sends", { connectionId, q }],
    queryFn: async ({ signal, pageParam }) => {
      const params = new URLSearchParams({ connection: connectionId });
      if (q) params.set("q", q);
      if (pageParam) params.set("cursor", pageParam);
      return requestJson(`${SENDS_PATH}?${params}`, recentSendsPageSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: RECENT_SENDS_STALE_MS,
    retry: false,
  });
}
