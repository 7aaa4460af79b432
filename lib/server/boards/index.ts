import "server-only";

export { addBoardBatch, removeBoardBatch, reorderBoardBatches } from "./board-batches";
export { createBoard, deleteBoard, getBoard, listBoards, renameBoard } from "./boards";
export { boardConnectionIdFor, defaultConnectionIdFor } from "./connection-seam";
