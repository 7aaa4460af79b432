import { describe, expect, it } from "vitest";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionCookieName, sessionTokenFromHeader } from "./session-cookie";

describe("the session cookie", () => {
  it("is named by APP_URL: __Host- over https, next-auth's plain name over http", () => {
    expect(sessionCookieName("https://sendboard.example.com")).toBe("__Host-next-auth.session-token");
    // proxy.ts reads APP_URL as the operator wrote it.
    expect(sessionCookieName("HTTPS://Sendboard.Example.com")).toBe("__Host-next-auth.session-token");
    expect(sessionCookieName("http://127.0.0.1:3000")).toBe("next-auth.session-token");
  });

  it("is found among other cookies", () => {
    expect(sessionTokenFromHeader("next-auth.csrf-token=abc; next-auth.session-token=eyJ.token=; theme=dark", SESSION_COOKIE)).toBe("eyJ.token=");
  });

  it("is read under its one name only: a plain cookie planted beside an https session is ignored", () => {
    const header = "next-auth.session-token=planted; __Secure-next-auth.session-token=old";
    expect(sessionTokenFromHeader(header, SECURE_SESSION_COOKIE)).toBeUndefined();
    expect(sessionTokenFromHeader(`${header}; ${SECURE_SESSION_COOKIE}=real`, SECURE_SESSION_COOKIE)).toBe("real");
  });

  it("is undefined without a header, without the cookie, or with an empty value", () => {
    expect(sessionTokenFromHeader(null, SESSION_COOKIE)).toBeUndefined();
    expect(sessionTokenFromHeader("other=1; x-next-auth.session-token=nope", SESSION_COOKIE)).toBeUndefined();
    expect(sessionTokenFromHeader("next-auth.session-token=", SESSION_COOKIE)).toBeUndefined();
  });
});
