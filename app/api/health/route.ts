import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// GET /api/health — liveness: the process answers. No auth, and nothing about the deployment.
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
