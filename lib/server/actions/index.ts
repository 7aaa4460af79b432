import "server-only";

// Control actions on a batch at its provider: pause, resume, cancel, stop, once per double click.
export { controlBatch } from "./control-batch";
export type { ControlBatchInput } from "./control-batch";
