import type { Metadata } from "next";
import { requirePageSession } from "@/lib/server/session";
import { TeamShareLinks } from "./_components/team-share-links";

export const metadata: Metadata = { title: "Share links" };

export default async function ShareLinksPage() {
  await requirePageSession("/settings/share-links");
  return <TeamShareLinks />;
}
