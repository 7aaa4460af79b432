import { createBoardSchema } from "@/lib/board";
import { jsonResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { createBoard, listBoards } from "@/lib/server/boards";
import { getDb } from "@/lib/server/db/database";
import { parseJsonBody } from "@/lib/server/api/request-origin";

export const dynamic = "force-dynamic";

// GET /api/boards — the team's boards with their batch counts
export const GET = withSession(async ({ user }) => {
  const items = await listBoards(await getDb(), user);
  return jsonResponse({ items });
});

// POST /api/boards — create a board {name, batches:[{provider, batchId, connectionId?, label?}]}
export const POST = withSession(async ({ request, user }) => {
  const input = await parseJsonBody(
    request,
    createBoardSchema,
    "Give a name and a list of batches {provider, batchId, connectionId?}.",
  );
  const board = await createBoard(await getDb(), user, input);
  return jsonResponse({ id: board.id }, 201);
});
