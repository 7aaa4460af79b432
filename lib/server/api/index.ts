import "server-only";

export { publicContext } from "../service-context";
export { sessionContext } from "./context";
export { parseBody, parseId, parseQuery, parseUuid } from "./input";
export { appOrigin } from "../app-url";
export { emptyResponse, jsonResponse, taggedJsonResponse } from "./response";
export { tagJson } from "./etag";
export type { TaggedJson } from "./etag";
export { withApi, withSession } from "./with-api";
export type { ApiContext, SessionApiContext } from "./with-api";
