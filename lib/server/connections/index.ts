import "server-only";

export { loadConnectionDeps } from "./deps";
export type { ConnectionDeps } from "./deps";
export { envConnectionId, isEnvConnectionId } from "./env-connections";
export { createConnection, listConnections, removeConnection, updateConnection } from "./manage";
export { providerAccessFor } from "./provider-access";
export { resolveConnection, resolveConnectionWith } from "./resolve";
export type { ResolvedConnection } from "./resolved-connection";
export { testConnectionById } from "./test-connection";
export { findFirstConnectionRow } from "./repository";
