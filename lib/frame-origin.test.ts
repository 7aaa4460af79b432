import { describe, expect, it } from "vitest";
import { checkFrameOrigin, frameOriginSchema } from "./frame-origin";

describe("a share link's frame origin", () => {
  it.each([
    ["https://intranet.example.com", "https://intranet.example.com"],
    ["https://intranet.example.com/", "https://intranet.example.com"],
    ["HTTPS://Intranet.Example.COM", "https://intranet.example.com"],
    ["https://example.com:443", "https://example.com"],
    ["https://example.com:8443", "https://example.com:8443"],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
    ["https://192.0.2.10", "https://192.0.2.10"],
    ["http://localhost:5173", "http://localhost:5173"],
    ["http://127.0.0.1:4000", "http://127.0.0.1:4000"],
  ])("accepts %s as %s", (value, origin) => {
    expect(checkFrameOrigin(value)).toEqual({ origin });
    expect(frameOriginSchema.parse(value)).toBe(origin);
  });

  it.each([
    "",
    "example.com",
    "*",
    "'self'",
    "self",
    "'none'",
    "https://*.example.com",
    "https://example.com/wall",
    "http://[::1]:8080",
    "https://[2001:db8::1]",
    "https://example.com/?x=1",
    "https://example.com?",
    "https://example.com#top",
    "https://user:secret@example.com",
    "https://@example.com",
    "https://example.com; script-src *",
    "https://example.com https://evil.example",
    "https://example.com,https://evil.example",
    "https://example.com\r\nSet-Cookie: a=b",
    " https://example.com",
    "\u0001https://example.com",
    "https://exa_mple.com",
    "https://example.com\\wall",
    "http://example.com",
    "http://localhost.evil.example",
    "ftp://example.com",
    "javascript:alert(1)",
    "data:text/html,hi",
    `https://${"a".repeat(250)}.com`,
  ])("refuses %j with a reason", (value) => {
    const checked = checkFrameOrigin(value);
    expect(checked).toEqual({ problem: expect.any(String) });
    const parsed = frameOriginSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("problem" in checked ? checked.problem : "");
  });

  it("says why in words a person can act on", () => {
    expect(checkFrameOrigin("http://example.com")).toEqual({
      problem: "The origin must start with https:// (http:// only for localhost).",
    });
    expect(checkFrameOrigin("https://example.com/wall")).toEqual({
      problem: "Only the origin: no user name, path, query or fragment.",
    });
    expect(checkFrameOrigin("https://*.example.com")).toEqual({
      problem: "Give one origin: no spaces, quotes, commas, semicolons or wildcards.",
    });
  });
});
