import "server-only";

export { addBoardBatch, removeBoardBatch, reorderBoardBatches } from "./board-batches";
export { createBoard, deleteBoard, getBoard, listBoards, renameBoard } from "./boards";
export { getBoardForPage } from "./page-board";
// For share links, which point at boards and batches chosen the way boards choose them.
export { prepareBoardBatch } from "./board-batch-input";
export { findTeamBoard, insertBoardBatch, listBoardBatchRows, toBoard } from "./board-rows";
