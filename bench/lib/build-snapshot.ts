import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findNextBuilds, waitForNoBuild } from "./build-guard";

// Caches and dev output are not part of what `next start` serves.
const SKIPPED = new Set(["cache", "dev", "trace", "lock"]);
const LINKED = ["node_modules", "public", "next.config.js", "package.json"];

/**
 * A private copy of the production build (about 40 MB without caches) for `next start <dir>`:
 * in a working tree shared with others, a `next build` started mid-benchmark empties `.next`
 * under a running server. Dependencies and config are linked, not copied.
 */
export async function snapshotBuild(
  projectDir: string,
): Promise<{ dir: string; buildId: string; remove: () => Promise<void> }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await waitForNoBuild();
    const dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-bench-build-"));
    const source = path.join(projectDir, ".next");
    cpSync(source, path.join(dir, ".next"), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (from) => !SKIPPED.has(path.relative(source, from).split(path.sep)[0] ?? ""),
    });
    for (const name of LINKED) {
      if (existsSync(path.join(projectDir, name)))
        symlinkSync(path.join(projectDir, name), path.join(dir, name));
    }
    const buildIdFile = path.join(dir, ".next", "BUILD_ID");
    // A build that started while copying leaves a torn copy: take it again.
    if (existsSync(buildIdFile) && findNextBuilds().length === 0) {
      const remove = async () => rmSync(dir, { recursive: true, force: true });
      return { dir, buildId: readFileSync(buildIdFile, "utf8").trim(), remove };
    }
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error(
    "Could not copy a complete production build (.next has no BUILD_ID): did a `next build` fail?",
  );
}
