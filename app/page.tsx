import type { Metadata } from "next";
import { requirePageSession } from "@/lib/server/session";
import { WatchedBoard } from "./_components/watched-board";

export const metadata: Metadata = { title: "Watched batches" };

export default async function HomePage() {
  await requirePageSession("/");
  return <WatchedBoard />;
}
