import { describe, expect, it } from "vitest";
import { requestOrigin } from "./request-origin";

function request(headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/boards/x/share-links", { headers });
}

describe("requestOrigin", () => {
  it("uses the host the browser asked for", () => {
    expect(requestOrigin(request({ host: "127.0.0.1:3110" }))).toBe("http://127.0.0.1:3110");
  });

  it("follows a proxy's forwarded host and protocol", () => {
    expect(
      requestOrigin(
        request({
          host: "10.0.0.5:3000",
          "x-forwarded-host": "board.example.com",
          "x-forwarded-proto": "https",
        }),
      ),
    ).toBe("https://board.example.com");
  });

  it("ignores a host that is not a host", () => {
    expect(requestOrigin(request({ host: "evil.com/path?x=" }))).toBe("http://localhost:3000");
    expect(
      requestOrigin(request({ host: "board.example.com", "x-forwarded-proto": "javascript" })),
    ).toBe("http://board.example.com");
  });
});
