import "server-only";

export { computeInsights } from "./compute-insights";
export { noteFollowedSnapshot } from "./followed-polls";
export { getInsights } from "./get-insights";
export { csvField } from "./history-csv";
export { historyCsvFilename, readHistoryCsv } from "./history-export";
export { readLatestSnapshots, readLatestStates } from "./latest-states";
export { readBatchHistory } from "./history-reads";
export { readBatchInsights, recordPolledSnapshot } from "./polled";
export { pruneHistory } from "./prune-history";
export type { RetentionSettings } from "./prune-schedule";
export { recordSnapshot } from "./record-snapshot";
