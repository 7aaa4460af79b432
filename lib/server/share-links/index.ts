import "server-only";

export { createShareLink, revokeShareLink, revokeShareLinksMadeBy } from "./links";
export { listBoardShareLinks, listTeamShareLinks } from "./list-links";
export type { CreatedShareLinkWithToken, NewShareLink, ShareTarget } from "./links";
export { openShareLink } from "./open-share-link";
export type { OpenedShareLink } from "./open-share-link";
export { authorizeShareBatch } from "./resolve";
export type { ShareBatchTarget, ShareScope } from "./resolve";
export { readSharedScope, readSharedView } from "./shared-view";
