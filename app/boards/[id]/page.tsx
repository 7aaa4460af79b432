import type { Metadata } from "next";
import { getBoardForPage } from "@/lib/server/boards";
import { can } from "@/lib/server/security/permissions";
import { contextFor } from "@/lib/server/service-context";
import { requirePageSession } from "@/lib/server/session";
import { BoardView } from "./_components/board-view";

export const metadata: Metadata = { title: "Board" };

export default async function BoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageSession(`/boards/${encodeURIComponent(id)}`);
  const board = await getBoardForPage(await contextFor(user), { boardId: id });
  return <BoardView initial={board} canManageAutoWatch={can(user, "auto-watch:manage")} />;
}
