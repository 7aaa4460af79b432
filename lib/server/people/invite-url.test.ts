import { describe, expect, it } from "vitest";
import { requestOrigin } from "@/lib/server/api/request-origin";
import { inviteUrlFor } from "./invite-url";

const TOKEN = "t".repeat(43);
const requestWith = (headers: Record<string, string>) => new Request("http://localhost:3000/api/users", { method: "POST", headers });

describe("inviteUrlFor", () => {
  it("uses the host the browser asked for", () => {
    expect(inviteUrlFor(requestOrigin(requestWith({ host: "127.0.0.1:3110" })), TOKEN)).toBe(`http://127.0.0.1:3110/invite/${TOKEN}`);
  });

  it("follows a proxy's forwarded host and protocol", () => {
    const request = requestWith({ host: "internal:3000", "x-forwarded-host": "board.example.com", "x-forwarded-proto": "https" });
    expect(inviteUrlFor(requestOrigin(request), TOKEN)).toBe(`https://board.example.com/invite/${TOKEN}`);
  });

  it("falls back to the request URL for a host that is not a host", () => {
    expect(inviteUrlFor(requestOrigin(requestWith({ host: "evil.test/path?x" })), TOKEN)).toBe(`http://localhost:3000/invite/${TOKEN}`);
  });
});
