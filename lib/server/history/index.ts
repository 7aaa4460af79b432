import "server-only";

export { computeInsights } from "./compute-insights";
export { noteFollowedSnapshot } from "./followed-polls";
export { getInsights } from "./get-insights";
export { historyCsvFilename } from "./history-export";
export { readBatchHistory, readBatchHistoryCsv } from "./history-reads";
export { resolveHistoryKey } from "./history-request";
export { readBatchInsights, recordPolledSnapshot } from "./polled";
export { pruneHistory } from "./prune-history";
export type { RetentionSettings } from "./prune-schedule";
export { recordSnapshot } from "./record-snapshot";
