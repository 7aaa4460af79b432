import "server-only";

export { envConnectionId } from "./env-connections";
export { createConnection, listConnections, listSendConnections, removeConnection, updateConnection } from "./manage";
export { providerAccessFor } from "./provider-access";
export { resolveConnection, resolveConnectionById } from "./resolve";
export type { ResolvedConnection } from "./resolved-connection";
export { testConnectionById } from "./test-connection";
export { findFirstConnectionRow } from "./repository";
export { defaultConnectionIdFor, storedConnectionIdFor } from "./stored-connection-id";
export { DEFAULT_BATCH_ARG, findHookConnection } from "./hook-connection";
export type { WebhookSettings } from "./hook-connection";
