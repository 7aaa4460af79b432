import type { Metadata } from "next";
import { requirePageSession } from "@/lib/server/session";
import { can } from "@/lib/server/security/permissions";
import { AdminsOnly } from "../_components/admins-only";
import { UsersManager } from "./_components/users-manager";

export const metadata: Metadata = { title: "People" };

export default async function UsersPage() {
  const user = await requirePageSession("/settings/users");
  if (!can(user, "users:manage")) return <AdminsOnly what="the people of your team" />;
  return <UsersManager currentUserId={user.id} />;
}
