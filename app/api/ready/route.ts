import { NextResponse } from "next/server";
import { withApi } from "@/lib/server/api";
import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

// GET /api/ready — readiness: the database answers and the poll scheduler runs. No auth.
export const GET = withApi(async () => {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
