import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "config", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "tailwind.config.ts", "package-lock.json"];
type BuildOptions = {
  dir?: string;
  command?: readonly [string, ...string[]];
  /** `next build` is silent while it compiles (about two minutes the first time): say it is still at it this often. */
  progressEveryMs?: number;
  log?: (line: string) => void;
};

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Runs `next build` unless the existing build is newer than every source file, showing progress meanwhile. */
export async function buildIfNeeded(options: BuildOptions = {}): Promise<void> {
  const { dir = ".", command = ["npx", "next", "build"], progressEveryMs = 15_000, log = console.log } = options;
  const buildId = path.join(dir, ".next", "BUILD_ID");
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(path.join(dir, source))));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource) return;
  log("Building Sendboard (first run or sources changed): about two minutes on a first start.");
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const progress = setInterval(() => log(`  … still building (${seconds()} s)`), progressEveryMs);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const [program, ...args] = command;
      const build = spawn(program, args, { cwd: dir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      build.once("error", reject);
      build.once("exit", resolve);
    });
    if (code !== 0) throw new Error("next build failed");
  } finally {
    clearInterval(progress);
  }
  log(`Built in ${seconds()} s.`);
}
