import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

// GET /api/ready — readiness: the database answers and the poll scheduler runs. No auth.
export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
