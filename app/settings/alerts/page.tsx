import type { Metadata } from "next";
import { requirePageSession } from "@/lib/server/session";
import { can } from "@/lib/server/security/permissions";
import { AdminsOnly } from "../_components/admins-only";
import { AlertsManager } from "./_components/alerts-manager";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const user = await requirePageSession("/settings/alerts");
  if (!can(user, "alerts:manage")) return <AdminsOnly what="alerts" />;
  return <AlertsManager />;
}
