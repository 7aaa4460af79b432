import { startAppStack } from "./lib/app-stack";
import { announcedPace, BOARD_BUDGETS, BOARD_SIZE, createBenchBoard } from "./lib/bench-board";
import type { BenchContext } from "./lib/context";
import { fixed, formatTable, printBlock, verdict, type BenchResult } from "./lib/report";
import { sleep } from "./lib/sleep";
import { runSnapshotViewers, type SnapshotViewerFigures } from "./lib/snapshot-viewers";
import { watchWalls } from "./lib/wall-watch";

const SIZES = [1, 20, 200] as const;
const WALLS = 2;
const MAX_CPU_GROWTH = 1.3;
// A wall whose numbers stood still this many paces would call them stale.
const STILL_PACES = 3;
const WARM_UP_SECONDS = 15;

type Phase = { viewers: number; seconds: number; figures: SnapshotViewerFigures; cpuSeconds: number; walls: { stale: boolean; longestStillMs: number }[] };

const title = "wall-fleet";

/** Viewers of one 50-batch board, 1 → 20 → 200, polling the snapshot as walls do, beside two real walls. */
export async function benchWallFleet({ settings, appDir }: BenchContext): Promise<BenchResult> {
  const seconds = settings.BENCH_SECONDS * 3;
  const stack = await startAppStack({
    appDir,
    budgets: BOARD_BUDGETS,
    runningAliases: true,
    simDurationSeconds: WARM_UP_SECONDS + seconds * SIZES.length + 600,
  });
  try {
    const boardId = await createBenchBoard(stack);
    if (boardId === null) throw new Error("POST /api/boards answered 404: no boards API in this build.");
    let paceMs = Number.NaN;
    for (let tries = 0; tries < 30 && Number.isNaN(paceMs); tries += 1) {
      paceMs = await announcedPace(stack, boardId);
      if (Number.isNaN(paceMs)) await sleep(1_000);
    }
    if (Number.isNaN(paceMs)) throw new Error("The board snapshot announced no pace within 30 s.");
    const walls = await watchWalls({ baseUrl: stack.baseUrl, cookie: stack.cookie, path: `/boards/${boardId}/wall`, count: WALLS, chromiumPath: settings.CHROMIUM_PATH });
    try {
      await sleep(WARM_UP_SECONDS * 1_000);
      const phases: Phase[] = [];
      for (const viewers of SIZES) {
        console.log(`wall-fleet: ${viewers} viewer(s) for ${seconds} s…`);
        walls.reset();
        const cpuBefore = stack.appCpuSeconds();
        const started = performance.now();
        const figures = await runSnapshotViewers({ url: `${stack.baseUrl}/api/boards/${boardId}/snapshot`, cookie: stack.cookie, viewers, until: started + seconds * 1_000, paceMs });
        phases.push({ viewers, seconds: (performance.now() - started) / 1_000, figures, cpuSeconds: stack.appCpuSeconds() - cpuBefore, walls: walls.phase() });
      }
      return report(phases, paceMs);
    } finally {
      await walls.close();
    }
  } finally {
    await stack.stop();
  }
}

/** App CPU ms per viewer-minute; the two walls are viewers too. */
const cpuPerViewerMinute = (phase: Phase) => (phase.cpuSeconds * 1_000) / ((phase.viewers + WALLS) * (phase.seconds / 60));

function report(phases: readonly Phase[], paceMs: number): BenchResult {
  const rows = [["viewers", "requests", "200", "304", "failed", "p50 ms", "p99 ms", "app CPU s", "CPU ms/viewer-min", "walls fresh"]];
  const stillLimit = STILL_PACES * paceMs;
  const fresh = (phase: Phase) => phase.walls.every((wall) => !wall.stale && wall.longestStillMs <= stillLimit);
  for (const phase of phases) {
    const { figures } = phase;
    const still = Math.max(...phase.walls.map((wall) => wall.longestStillMs));
    rows.push([
      String(phase.viewers),
      String(figures.requests),
      String(figures.ok - figures.notModified),
      String(figures.notModified),
      String(figures.failed),
      fixed(figures.p50, 1),
      fixed(figures.p99, 1),
      fixed(phase.cpuSeconds, 1),
      fixed(cpuPerViewerMinute(phase), 1),
      `${fresh(phase) ? "yes" : "NO"} (still ≤ ${fixed(still / 1_000, 1)} s${phase.walls.some((wall) => wall.stale) ? ", stale banner" : ""})`,
    ]);
  }
  const at = (viewers: number) => phases.find((phase) => phase.viewers === viewers)!;
  const growth = cpuPerViewerMinute(at(200)) / cpuPerViewerMinute(at(20));
  const biggest = at(200);
  const problems = [
    ...(biggest.figures.p99 < paceMs ? [] : [`p99 ${fixed(biggest.figures.p99, 0)} ms at 200 viewers, not under the ${paceMs} ms interval`]),
    ...(biggest.figures.failed === 0 && biggest.figures.requests > 0 ? [] : [`${biggest.figures.failed} of ${biggest.figures.requests} requests failed at 200 viewers`]),
    ...(growth <= MAX_CPU_GROWTH ? [] : [`CPU per viewer-minute grew ${fixed(growth)}× from 20 to 200 viewers`]),
    ...phases.filter((phase) => !fresh(phase)).map((phase) => `the Chromium walls did not stay fresh at ${phase.viewers} viewer(s)`),
  ];
  const result: BenchResult = {
    status: verdict(problems.length === 0),
    summary: problems.length > 0 ? problems.join("; ") : `200 viewers held: p99 ${fixed(biggest.figures.p99, 0)} ms, CPU/viewer-min ×${fixed(growth)} of 20, walls fresh`,
  };
  printBlock(title, {
    measured:
      `one board of ${BOARD_SIZE} running batches; V HTTP viewers poll GET /api/boards/{id}/snapshot with If-None-Match (and gzip) at the announced pace (${fixed(paceMs / 1_000, 1)} s), ` +
      `${fixed(phases[0]?.seconds ?? 0, 0)} s per size, while ${WALLS} real walls (headless Chromium) stay open and are sampled every second; app CPU from /proc for the next start process group, ` +
      `per viewer-minute with the ${WALLS} walls counted as viewers; the scheduler's own polling is in every figure`,
    figures: [...formatTable(rows, [9]), `CPU per viewer-minute, 200 ÷ 20 viewers: ${fixed(growth)}`],
    target: `at 200 viewers p99 < one poll interval (${paceMs} ms) and no failed request; CPU per viewer-minute at 200 ≤ ${MAX_CPU_GROWTH} × at 20; the walls never show the stale banner and no wall's numbers stand still longer than ${STILL_PACES} intervals`,
    result,
  });
  return result;
}
