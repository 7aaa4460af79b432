import "server-only";

// Everything a board or wall shows in one body: every batch's view, the summary, the pace.
export { getBoardSnapshotBody, getSharedSnapshotBody } from "./board-snapshot";
