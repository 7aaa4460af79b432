import type { Metadata } from "next";
import { getBoardForPage } from "@/lib/server/boards/page-board";
import { requirePageSession } from "@/lib/server/session";
import { BoardView } from "./_components/board-view";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageSession(`/boards/${encodeURIComponent(id)}`);
  const board = await getBoardForPage(user, id);
  return <BoardView initial={board} />;
}
