import "server-only";

export { createShareLink, listBoardShareLinks, revokeShareLink } from "./links";
export type { CreatedShareLinkWithToken, ShareTarget } from "./links";
export { authorizeShareBatch, resolveShareToken } from "./resolve";
export type { ShareBatchTarget, ShareScope } from "./resolve";
export { getSharedView, recordShareView, touchShareLink } from "./shared-view";
