import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { processSingleton } from "./process-singleton";

// Open wall screens reload when this changes. It is the build id Next writes at build time and
// reads itself at start-up (`next start` and the standalone server both run beside it), so every
// instance of one build answers the same and only a deploy changes it: instances behind a load
// balancer never make a wall flip-flop. Without a build (dev, tests) the package version plus the
// process start time stands in; a restart then costs one harmless reload.

function readBuildId(): string | null {
  try {
    const id = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    return /^[\w-]{1,128}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

export function getAppVersion(): string {
  return processSingleton("app-version", () =>
    createHash("sha256")
      .update(readBuildId() ?? `${process.env.npm_package_version ?? "unversioned"}:${Date.now()}`)
      .digest("hex")
      .slice(0, 16),
  );
}
