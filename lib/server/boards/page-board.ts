import "server-only";
import { notFound } from "next/navigation";
import type { Board } from "@/lib/board";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/server/service-context";
import { getBoard } from "./boards";
import { z } from "zod/mini";

const idSchema = z.uuid();

/** For board pages: the team's board, or Next's not-found page for anything else. */
export async function getBoardForPage(ctx: ServiceContext, { boardId }: { boardId: string }): Promise<Board> {
  const id = idSchema.safeParse(boardId);
  if (!id.success) notFound();
  try {
    return await getBoard(ctx, { boardId: id.data });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
