import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/server/env";
import { withApi } from "@/lib/server/api";
import { getMetrics } from "@/lib/server/metrics";
import { bearerMatches } from "@/lib/server/security/bearer";

export const dynamic = "force-dynamic";

// GET /api/metrics — Prometheus metrics, for a scraper holding METRICS_TOKEN (off when unset)
export const GET = withApi(async ({ request }) => {
  const token = getEnv().METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "Metrics are not enabled: set METRICS_TOKEN.");
  if (!bearerMatches(request.headers.get("authorization"), token)) {
    throw new AppError("unauthorized", "Send the metrics token as Authorization: Bearer <token>.");
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
});
