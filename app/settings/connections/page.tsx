import type { Metadata } from "next";
import { requirePageSession } from "@/lib/server/session";
import { PROVIDER_POLL_BUDGETS } from "@/lib/server/polling/settings";
import { can } from "@/lib/server/security/permissions";
import { AdminsOnly } from "../_components/admins-only";
import { ConnectionsManager } from "./_components/connections-manager";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  const user = await requirePageSession("/settings/connections");
  if (!can(user, "connections:manage")) return <AdminsOnly what="provider connections" />;
  return <ConnectionsManager defaultBudgets={PROVIDER_POLL_BUDGETS} />;
}
