import { readdirSync, readFileSync } from "node:fs";
import { sleep } from "./sleep";

// Matches `next build`, `npx next build` and `node …/next/dist/bin/next build`.
const NEXT_BUILD = /(^|[\s/])next(\.js)?\s+build(\s|$)/;
// `sh -c "next build && playwright test"` (npm's test:e2e) lives on through the whole e2e run;
// the build itself is its node child, which the pattern above finds while it runs.
const SHELL = /(^|\/)(sh|bash|dash)$/;

/** Whether a process's argv is a `next build` at work (not a shell that started one). */
export function isNextBuild(argv: readonly string[]): boolean {
  if (SHELL.test(argv[0] ?? "")) return false;
  return NEXT_BUILD.test(argv.join(" "));
}

/** Process ids of `next build` runs on this machine (other engineers share the two cores). */
export function findNextBuilds(): number[] {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return []; // No /proc (not Linux): nothing to wait for.
  }
  return pids.flatMap((pid) => {
    if (Number(pid) === process.pid) return [];
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      return isNextBuild(argv) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

/** Waits, bounded, until no `next build` runs: a build and a benchmark on two cores spoil each other. */
export async function waitForNoBuild(maxWaitMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  let told = false;
  while (findNextBuilds().length > 0) {
    if (Date.now() > deadline)
      throw new Error(`A next build was still running after ${maxWaitMs / 60_000} min.`);
    if (!told) console.log("Waiting for a running `next build` to finish…");
    told = true;
    await sleep(2_000);
  }
}

/** Notices a build that starts while a benchmark runs, so its figures can be flagged. */
export function watchForBuilds(): { seen: () => boolean; stop: () => void } {
  let seen = false;
  const timer = setInterval(() => (seen ||= findNextBuilds().length > 0), 3_000);
  timer.unref();
  return { seen: () => seen, stop: () => clearInterval(timer) };
}
