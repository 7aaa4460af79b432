import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeCallbackPath("/")).toBe("/");
    expect(safeCallbackPath("/batches/mindo/00000000-0000-4000-8000-000000000002")).toBe(
      "/batches/mindo/00000000-0000-4000-8000-000000000002",
    );
    expect(safeCallbackPath("/batches/migma/sim-running?x=1#top")).toBe(
      "/batches/migma/sim-running?x=1#top",
    );
  });

  it("takes the first value when the parameter repeats", () => {
    expect(safeCallbackPath(["/batches/bolna/abc", "https://evil.example"])).toBe(
      "/batches/bolna/abc",
    );
  });

  it("falls back to / for anything that could leave the site", () => {
    for (const raw of [
      "https://evil.example/",
      "//evil.example/path",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/\t/evil.example",
      "evil.example",
      "",
      null,
      undefined,
    ]) {
      expect(safeCallbackPath(raw)).toBe("/");
    }
  });

  it("does not send people back to the sign-in page or to the API", () => {
    expect(safeCallbackPath("/signin?callbackUrl=/")).toBe("/");
    expect(safeCallbackPath("/api/watched")).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeCallbackPath("/../../etc")).toBe("/etc");
  });
});
