import "server-only";
import { notFound } from "next/navigation";
import type { Board } from "@/lib/board";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/server/db/database";
import type { Actor } from "@/lib/server/security/permissions";
import { getBoard } from "./boards";
import { z } from "zod/mini";

const idSchema = z.uuid();

/** For board pages: the team's board, or Next's not-found page for anything else. */
export async function getBoardForPage(actor: Actor, rawId: string): Promise<Board> {
  const id = idSchema.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getBoard(await getDb(), actor, id.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
