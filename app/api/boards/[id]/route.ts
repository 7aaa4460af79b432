import { renameBoardSchema } from "@/lib/board";
import { emptyResponse, jsonResponse, parseBody, parseUuid, withSession } from "@/lib/server/api";
import { deleteBoard, getBoard, renameBoard } from "@/lib/server/boards";

export const dynamic = "force-dynamic";

type Params = { id: string };

// GET /api/boards/{id} — the board with its batches in order
export const GET = withSession<Params>(async ({ ctx, params }) => {
  return jsonResponse(await getBoard(ctx, { boardId: parseUuid(params.id, "board") }));
});

// PATCH /api/boards/{id} — rename {name}
export const PATCH = withSession<Params>(async ({ ctx, request, params }) => {
  const boardId = parseUuid(params.id, "board");
  const { name } = await parseBody(
    request,
    renameBoardSchema,
    "Give the board a name of 1–120 characters.",
  );
  return jsonResponse(await renameBoard(ctx, { boardId, name }));
});

// DELETE /api/boards/{id} — the board, its batches and its share links
export const DELETE = withSession<Params>(async ({ ctx, params }) => {
  await deleteBoard(ctx, { boardId: parseUuid(params.id, "board") });
  return emptyResponse();
});
