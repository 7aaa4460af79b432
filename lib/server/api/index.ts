import "server-only";

export { publicContext } from "../service-context";
export { sessionContext } from "./context";
export { parseBody, parseId, parseQuery, parseUuid } from "./input";
export { appOrigin } from "../app-url";
export { emptyResponse, jsonResponse, jsonTextResponse } from "./response";
export { withApi, withSession } from "./with-api";
export type { ApiContext, SessionApiContext } from "./with-api";
