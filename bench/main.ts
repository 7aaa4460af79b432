// npm run bench [-- name …] — builds when needed, then runs each benchmark against the production
// build, the provider simulator and `next start`, printing figures against targets.
import os from "node:os";
import { fileURLToPath } from "node:url";
import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import { benchAmplification } from "./amplification";
import { benchApiCost } from "./api-cost";
import { benchFreshness } from "./freshness";
import { waitForNoBuild, watchForBuilds } from "./lib/build-guard";
import { snapshotBuild } from "./lib/build-snapshot";
import { deferCleanup, runAllCleanups } from "./lib/cleanup";
import type { BenchContext } from "./lib/context";
import { formatTable, type BenchResult } from "./lib/report";
import { readBenchSettings } from "./lib/settings";
import { benchPageWeight } from "./page-weight";
import { benchRecipientsVsPolls } from "./recipients-vs-polls";
import { benchScale } from "./scale";
import { benchWallEndurance } from "./wall-endurance";
import { benchWallFleet } from "./wall-fleet";
import { benchWebhookIngest } from "./webhook-ingest";

const BENCHMARKS: Record<string, (context: BenchContext) => Promise<BenchResult>> = {
  "page-weight": benchPageWeight,
  amplification: benchAmplification,
  "api-cost": benchApiCost,
  "wall-endurance": benchWallEndurance,
  "wall-fleet": benchWallFleet,
  "recipients-vs-polls": benchRecipientsVsPolls,
  scale: benchScale,
  "webhook-ingest": benchWebhookIngest,
  freshness: benchFreshness,
};

function selected(names: readonly string[]): string[] {
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0)
    throw new Error(
      `Unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(BENCHMARKS).join(", ")}.`,
    );
  return names.length > 0 ? [...names] : Object.keys(BENCHMARKS);
}

async function runOne(name: string, context: BenchContext): Promise<BenchResult> {
  await waitForNoBuild();
  console.log(
    `\nRunning ${name} (load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores)…`,
  );
  const builds = watchForBuilds();
  try {
    const result = await BENCHMARKS[name]!(context);
    if (!builds.seen()) return result;
    return {
      ...result,
      summary: `${result.summary} (a next build ran meanwhile: figures disturbed)`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n── ${name}: error\n${message}`);
    return { status: "FAIL", summary: `error: ${message.split("\n")[0]}` };
  } finally {
    builds.stop();
  }
}

async function main(): Promise<number> {
  const projectDir = fileURLToPath(new URL("..", import.meta.url));
  process.chdir(projectDir);
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const settings = readBenchSettings(process.env);
  const names = selected(process.argv.slice(2));
  await waitForNoBuild();
  await buildIfNeeded();
  const snapshot = await snapshotBuild(projectDir);
  deferCleanup(snapshot.remove);
  console.log(`Measuring build ${snapshot.buildId} (a private copy of .next).`);
  const results: [string, BenchResult][] = [];
  for (const name of names)
    results.push([name, await runOne(name, { settings, appDir: snapshot.dir })]);
  await runAllCleanups();

  console.log("\n── summary " + "─".repeat(68));
  for (const line of formatTable(
    results.map(([name, result]) => [name, result.status, result.summary]),
    [1, 2],
  ))
    console.log(`  ${line}`);
  return results.some(([, result]) => result.status === "FAIL") ? 1 : 0;
}

const interrupt = (signal: NodeJS.Signals) => {
  console.error(`\n${signal}: stopping the servers…`);
  void runAllCleanups().finally(() => process.exit(130));
};
process.once("SIGINT", interrupt);
process.once("SIGTERM", interrupt);

main()
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await runAllCleanups();
    process.exit(1);
  });
