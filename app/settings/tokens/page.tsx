import type { Metadata } from "next";
import { requirePageSession } from "@/lib/server/session";
import { can } from "@/lib/server/security/permissions";
import { AdminsOnly } from "../_components/admins-only";
import { ApiTokensManager } from "./_components/api-tokens-manager";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requirePageSession("/settings/tokens");
  if (!can(user, "tokens:manage")) return <AdminsOnly what="the team's API tokens" />;
  return <ApiTokensManager />;
}
