import "server-only";

// The batch read path: a viewer's read, the poller behind it, and the batch's stored history.
export { getBatchHistory, getBatchHistoryCsv } from "./batch-history";
export { getBatchViewBody, getSharedBatchViewBody, readTeamBatch, shareViewer, userViewer } from "./batch-view";
export type { BatchRead, BatchReadInput } from "./batch-view";
export { runOnDemand } from "./on-demand";
export { getPoller } from "./poller";
export { resolvePollKey } from "./poll-key";
export { requestBatchPoll } from "./request-poll";
export { setSendTime } from "./send-time";
