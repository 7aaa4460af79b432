import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { VERSION_POLL_MS } from "@/config/wall";
import { isApiError, requestJson } from "@/lib/api-client";
import type { WallDeadReason } from "@/lib/wall/descriptor";

/** Why the whole screen must stop, from an error of the board snapshot (or link) request. */
export function descriptorDeadReason(error: unknown): WallDeadReason | null {
  if (isApiError(error, "share_link_revoked")) return "revoked";
  if (isApiError(error, "share_link_expired")) return "expired";
  if (isApiError(error, "not_found", "forbidden")) return "missing";
  if (isApiError(error, "unauthorized")) return "signed-out";
  return null;
}

const versionSchema = z.object({ version: z.string() });

export function appVersionQueryOptions() {
  return queryOptions({
    queryKey: ["app-version"] as const,
    queryFn: async ({ signal }) =>
      (await requestJson("/api/version", versionSchema, { signal })).version,
    refetchInterval: VERSION_POLL_MS,
    retry: false,
  });
}
