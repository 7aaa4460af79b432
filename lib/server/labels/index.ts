import "server-only";

// The team's names for its batches: one label per batch, shown by every view of it.
export { findBatchLabel, saveBatchLabel } from "./batch-labels";
export type { LabelKey } from "./batch-labels";
export { getBatchLabel, setBatchLabel } from "./label-service";
export type { LabelledBatch } from "./label-service";
