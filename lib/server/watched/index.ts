import "server-only";

export { addWatchedBatch, listWatchedBatches, removeWatchedBatch } from "./watched-batches";
