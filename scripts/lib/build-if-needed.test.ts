import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIfNeeded } from "./build-if-needed";

// A stand-in for `next build` that is silent for a while, as the real one is while it compiles.
const SILENT_BUILD = [process.execPath, "-e", "setTimeout(() => {}, 700)"] as const;

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-build-"));
  mkdirSync(path.join(dir, "app"));
  writeFileSync(path.join(dir, "app", "page.tsx"), "export default function Page() {}\n");
  return dir;
}

describe("buildIfNeeded", () => {
  it("says it is still building while the build is silent, then how long it took", async () => {
    const lines: string[] = [];
    await buildIfNeeded({ dir: project(), command: SILENT_BUILD, progressEveryMs: 200, log: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/about two minutes/);
    expect(lines.filter((line) => line.includes("still building")).length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toMatch(/^Built in \d+ s\.$/);
  });

  it("builds nothing when the build is newer than every source", async () => {
    const dir = project();
    mkdirSync(path.join(dir, ".next"));
    writeFileSync(path.join(dir, ".next", "BUILD_ID"), "x");
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, ".next", "BUILD_ID"), later, later);
    const lines: string[] = [];
    await buildIfNeeded({ dir, command: ["false"], log: (line) => lines.push(line) });
    expect(lines).toEqual([]);
  });
});
