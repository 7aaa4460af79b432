import { renameBoardSchema } from "@/lib/board";
import { emptyResponse, jsonResponse } from "@/lib/server/api/response";
import { withSession } from "@/lib/server/api/with-api";
import { deleteBoard, getBoard, renameBoard } from "@/lib/server/boards";
import { getDb } from "@/lib/server/db/database";
import { parseJsonBody, parseUuid } from "@/lib/server/api/request-origin";

export const dynamic = "force-dynamic";

type Params = { id: string };

// GET /api/boards/{id} — the board with its batches in order
export const GET = withSession<Params>(async ({ params, user }) => {
  const board = await getBoard(await getDb(), user, parseUuid(params.id, "board"));
  return jsonResponse(board);
});

// PATCH /api/boards/{id} — rename {name}
export const PATCH = withSession<Params>(async ({ request, params, user }) => {
  const id = parseUuid(params.id, "board");
  const { name } = await parseJsonBody(
    request,
    renameBoardSchema,
    "Give the board a name of 1–120 characters.",
  );
  return jsonResponse(await renameBoard(await getDb(), user, id, name));
});

// DELETE /api/boards/{id} — the board, its batches and its share links
export const DELETE = withSession<Params>(async ({ params, user }) => {
  await deleteBoard(await getDb(), user, parseUuid(params.id, "board"));
  return emptyResponse();
});
