import "server-only";

export { createShareLink, listBoardShareLinks, revokeShareLink } from "./links";
export type { CreatedShareLinkWithToken, NewShareLink, ShareTarget } from "./links";
export { openShareLink } from "./open-share-link";
export type { OpenedShareLink } from "./open-share-link";
export { authorizeShareBatch } from "./resolve";
export type { ShareBatchTarget, ShareScope } from "./resolve";
export { readSharedScope, readSharedView } from "./shared-view";
