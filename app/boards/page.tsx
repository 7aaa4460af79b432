import type { Metadata } from "next";
import { requirePageSession } from "@/lib/server/session";
import { BoardsIndex } from "./_components/boards-index";

export const metadata: Metadata = { title: "Boards" };

export default async function BoardsPage() {
  await requirePageSession("/boards");
  return <BoardsIndex />;
}
