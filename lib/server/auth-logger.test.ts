import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "./auth-logger";
import { getLogger } from "./logger";

afterEach(() => vi.restoreAllMocks());

describe("next-auth's log lines", () => {
  it("carry the code and the error's name, never its message or what it holds", () => {
    const warn = vi.spyOn(getLogger(), "warn").mockImplementation(() => undefined);
    const error = Object.assign(new Error("nonce mismatch, expected nonce-abc, got: nonce-xyz"), { name: "RPError", jwt: "eyJhbGciOi.id-token.sig" });
    authLogger.error("OAUTH_CALLBACK_ERROR", { error, providerId: "oidc" });
    authLogger.error("CLIENT_FETCH_ERROR", error);
    expect(warn.mock.calls).toEqual([
      [{ event: "auth_error", code: "OAUTH_CALLBACK_ERROR", error: "RPError" }, "next-auth error"],
      [{ event: "auth_error", code: "CLIENT_FETCH_ERROR", error: "RPError" }, "next-auth error"],
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toMatch(/nonce-|eyJ/);
  });
});
