import type { Metadata } from "next";
import { getEnv } from "@/lib/server/env";
import { requirePageSession } from "@/lib/server/session";
import { can } from "@/lib/server/security/permissions";
import { AdminsOnly } from "../_components/admins-only";
import { ActivityLog } from "./_components/activity-log";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage() {
  const user = await requirePageSession("/settings/activity");
  if (!can(user, "audit:read")) return <AdminsOnly what="the activity log of your team" />;
  return <ActivityLog retentionDays={getEnv().AUDIT_RETENTION_DAYS} />;
}
