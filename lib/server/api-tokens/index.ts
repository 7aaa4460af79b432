import "server-only";

export { authenticateApiToken } from "./authenticate-token";
export { createApiToken, listApiTokens, revokeApiToken } from "./manage-tokens";
export { TOKEN_RATE_LIMIT } from "./rate-limit";
