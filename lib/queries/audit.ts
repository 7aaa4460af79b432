import { infiniteQueryOptions } from "@tanstack/react-query";
import { requestJson } from "@/lib/api-client";
import { auditPageSchema } from "@/lib/audit-event";

export const auditKey = ["audit", { scope: "team" }] as const;

/** The team's activity, newest first; each further page starts at the previous one's nextCursor. */
export function auditQueryOptions() {
  return infiniteQueryOptions({
    queryKey: auditKey,
    queryFn: ({ pageParam, signal }) =>
      requestJson(
        pageParam ? `/api/audit?cursor=${encodeURIComponent(pageParam)}` : "/api/audit",
        auditPageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    retry: false,
  });
}
