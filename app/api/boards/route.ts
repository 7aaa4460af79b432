import { createBoardSchema } from "@/lib/board";
import { jsonResponse, parseBody, withSession } from "@/lib/server/api";
import { createBoard, listBoards } from "@/lib/server/boards";

export const dynamic = "force-dynamic";

// GET /api/boards — the team's boards with their batch counts
export const GET = withSession(async ({ ctx }) => {
  return jsonResponse({ items: await listBoards(ctx) });
});

// POST /api/boards — create a board {name, batches:[{provider, batchId, connectionId?, label?}]}
export const POST = withSession(async ({ ctx, request }) => {
  const input = await parseBody(request, createBoardSchema, {
    hint: "Give a name and a list of batches {provider, batchId, connectionId?}.",
    // Up to 100 batches with their labels: more than the 64 KB an ordinary body may have.
    maxBytes: 256 * 1024,
  });
  const board = await createBoard(ctx, input);
  return jsonResponse({ id: board.id }, 201);
});
