import "server-only";
import type { LoggerInstance } from "next-auth";
import { errorName, getLogger } from "./logger";

/**
 * next-auth's own logger prints whole errors, and an OIDC one can carry the state, the code or
 * the ID token itself (openid-client's RPError keeps the `jwt`): only the code and the error's
 * name reach the log here.
 */
export const authLogger: LoggerInstance = {
  error: (code, metadata) => {
    const error = metadata instanceof Error ? metadata : metadata.error;
    getLogger().warn({ event: "auth_error", code, error: errorName(error) }, "next-auth error");
  },
  warn: (code) => getLogger().warn({ event: "auth_warning", code }, "next-auth warning"),
  debug: () => undefined,
};
