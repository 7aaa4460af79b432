import { describe, expect, it } from "vitest";
import { isNextBuild } from "./build-guard";

describe("isNextBuild", () => {
  it("finds the processes that build", () => {
    expect(isNextBuild(["node", "/usr/bin/npx", "next", "build"])).toBe(true);
    expect(isNextBuild(["node", "/w/node_modules/next/dist/bin/next", "build"])).toBe(true);
    expect(isNextBuild(["next", "build"])).toBe(true);
  });

  it("does not wait on a shell that started a build and now runs the e2e suite, nor on next start", () => {
    expect(isNextBuild(["sh", "-c", "next build && playwright test"])).toBe(false);
    expect(isNextBuild(["/bin/bash", "-c", "npx next build"])).toBe(false);
    expect(isNextBuild(["node", "/w/node_modules/next/dist/bin/next", "start", "/tmp/app"])).toBe(false);
  });
});
