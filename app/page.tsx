import type { Metadata } from "next";
import { requirePageSession } from "@/lib/server/session";
import { readWatchedView, watchedViewSearch } from "@/lib/watched-view";
import { WatchedBoard } from "./_components/watched-board";

export const metadata: Metadata = { title: "Watched batches" };

type HomePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: HomePageProps) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams))
    if (typeof value === "string") params.set(name, value);
  const view = readWatchedView(params);
  // Signing in keeps the filters, so a link a teammate shared opens on the same list.
  await requirePageSession(`/${watchedViewSearch(view)}`);
  return <WatchedBoard initialView={view} />;
}
