import type { Metadata } from "next";
import { getBoardForPage } from "@/lib/server/boards";
import { contextFor } from "@/lib/server/service-context";
import { requirePageSession } from "@/lib/server/session";
import { boardToDescriptor } from "@/lib/wall/descriptor";
import { WallScreen } from "../../../_components/wall-screen";

export const metadata: Metadata = { title: "Wall" };

export default async function BoardWallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageSession(`/boards/${encodeURIComponent(id)}/wall`);
  const board = await getBoardForPage(await contextFor(user), { boardId: id });
  return (
    <WallScreen source={{ kind: "board", boardId: board.id }} initial={boardToDescriptor(board)} />
  );
}
