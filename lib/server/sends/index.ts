import "server-only";

// Recent sends of a connection (the picker's list); its provider calls go through the on-demand lane.
export { listRecentSends } from "./recent-sends";
// For auto-watch, which lists the same way on a rule's behalf.
export { listHeldAndSeenSends, listPerAgentSends } from "./merged-lists";
export { fetchAgentBatches, fetchBatchPage } from "./upstream-lists";
