import { describe, expect, it } from "vitest";
import { sessionTokenFromHeader } from "./session-cookie";

describe("sessionTokenFromHeader", () => {
  it("finds next-auth's session token among other cookies", () => {
    expect(sessionTokenFromHeader("next-auth.csrf-token=abc; next-auth.session-token=eyJ.token=; theme=dark")).toBe("eyJ.token=");
  });

  it("prefers the __Secure- cookie an https server sets", () => {
    expect(sessionTokenFromHeader("next-auth.session-token=plain;__Secure-next-auth.session-token=secure")).toBe("secure");
  });

  it("is undefined without a header, without the cookie, or with an empty value", () => {
    expect(sessionTokenFromHeader(null)).toBeUndefined();
    expect(sessionTokenFromHeader("other=1; x-next-auth.session-token=nope")).toBeUndefined();
    expect(sessionTokenFromHeader("next-auth.session-token=")).toBeUndefined();
  });
});
