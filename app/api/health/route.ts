import { NextResponse } from "next/server";
import { withApi } from "@/lib/server/api";

export const dynamic = "force-dynamic";

// GET /api/health — liveness: the process answers. No auth, and nothing about the deployment.
export const GET = withApi(async () =>
  NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
