import { startAppStack } from "./lib/app-stack";
import { announcedPace, BOARD_BUDGETS, BOARD_PROVIDERS, BOARD_SIZE, createBenchBoard } from "./lib/bench-board";
import { measurePageEndurance, type PageSample } from "./lib/page-endurance";
import { fixed, formatTable, printBlock, verdict, type BenchResult } from "./lib/report";
import type { BenchContext } from "./lib/context";

const MAX_HEAP_GROWTH_MB = 5;
const MAX_DOM_CHANGE = 0.05;
/** Data requests per announced poll interval, over the measured minutes. */
const MAX_REQUESTS_PER_INTERVAL = 1;

const title = "wall-endurance";

function skipped(summary: string): BenchResult {
  const result: BenchResult = { status: "SKIPPED", summary };
  printBlock(title, { measured: "the wall page over time", figures: [], target: "-", result });
  return result;
}

// The wall's own data request, and the once-a-minute question whether a new version is out.
const requestKind = (pathname: string) =>
  pathname.endsWith("/snapshot") ? "snapshot" : pathname === "/api/version" ? "version" : "other data";

const mb = (bytes: number) => bytes / 1_000_000;

type Requests = { perMinute: Map<string, number>; paceMs: number; minutes: number };

/** The wall page left open on a board of 50 running batches: does memory or the DOM grow, how many requests does it make? */
export async function benchWallEndurance({ settings, appDir }: BenchContext): Promise<BenchResult> {
  const minutes = settings.BENCH_WALL_MINUTES;
  const warmUpSeconds = settings.BENCH_WALL_WARMUP_SECONDS;
  // Running for the whole run and beyond, so the wall never sees a batch finish.
  const stack = await startAppStack({
    appDir,
    budgets: BOARD_BUDGETS,
    runningAliases: true,
    simDurationSeconds: warmUpSeconds + minutes * 60 + 600,
  });
  try {
    const boardId = await createBenchBoard(stack);
    if (boardId === null) return skipped("no boards API yet (POST /api/boards answered 404)");
    const path = `/boards/${boardId}/wall`;
    const page = await fetch(stack.baseUrl + path, {
      headers: { Cookie: stack.cookie },
      redirect: "manual",
    });
    if (page.status === 404) return skipped(`no wall page yet (${path} answered 404)`);

    console.log(`wall-endurance: ${path}, ${warmUpSeconds} s warm-up, then ${minutes} min…`);
    const figures = await measurePageEndurance({
      baseUrl: stack.baseUrl,
      cookie: stack.cookie,
      path,
      warmUpSeconds,
      minutes,
      chromiumPath: settings.CHROMIUM_PATH,
      requestKind,
      onSample: (sample) =>
        console.log(
          `  t=${fixed(sample.atSeconds, 0)} s heap ${fixed(mb(sample.heapBytes))} MB, DOM ${sample.domElements} elements`,
        ),
    });
    const requests = { perMinute: figures.apiRequestsPerMinute, paceMs: await announcedPace(stack, boardId), minutes };
    return report(figures.samples, requests, figures.pageErrors, warmUpSeconds);
  } finally {
    await stack.stop();
  }
}

function report(
  samples: readonly PageSample[],
  requests: Requests,
  pageErrors: readonly string[],
  warmUpSeconds: number,
): BenchResult {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || samples.length < 2)
    throw new Error("The wall run took fewer than two samples.");
  const heapGrowth = mb(last.heapBytes - first.heapBytes);
  const domChange = (last.domElements - first.domElements) / first.domElements;
  const dataPerMinute = [...requests.perMinute].reduce((sum, [kind, n]) => (kind === "version" ? sum : sum + n), 0);
  const intervalsPerMinute = 60_000 / requests.paceMs;
  // One request more than the intervals is the window's edge, not a second request per poll.
  const allowedPerMinute = (intervalsPerMinute * requests.minutes + 1) / requests.minutes;
  const perInterval = dataPerMinute / intervalsPerMinute;
  const memoryOk = heapGrowth < MAX_HEAP_GROWTH_MB && Math.abs(domChange) <= MAX_DOM_CHANGE;
  const requestsOk = Number.isFinite(perInterval) && dataPerMinute <= allowedPerMinute * MAX_REQUESTS_PER_INTERVAL;
  const result: BenchResult = {
    status: verdict(memoryOk && requestsOk),
    summary:
      `${fixed(dataPerMinute, 1)} data requests/min (${fixed(perInterval)} per ${fixed(requests.paceMs / 1_000, 1)} s interval), ` +
      `heap ${heapGrowth >= 0 ? "+" : ""}${fixed(heapGrowth)} MB, DOM ${domChange >= 0 ? "+" : ""}${fixed(domChange * 100, 1)} % over ${fixed(requests.minutes, 1)} min`,
  };
  const rows = [["", "t s", "JS heap MB", "DOM elements", "CDP nodes"]];
  samples.forEach((sample, index) => {
    const name = index === 0 ? "start" : index === samples.length - 1 ? "end" : `minute ${index}`;
    rows.push([
      name,
      fixed(sample.atSeconds, 0),
      fixed(mb(sample.heapBytes)),
      String(sample.domElements),
      String(sample.cdpNodes),
    ]);
  });
  const byKind = [...requests.perMinute].map(([kind, n]) => `${kind} ${fixed(n, 1)}`).join(", ") || "none";
  printBlock(title, {
    measured: `/boards/{id}/wall with ${BOARD_SIZE} running batches (${BOARD_PROVIDERS.join(", ")}; budgets raised so none is budget-limited), headless Chromium; JSHeapUsedSize after two forced GCs (CDP); MB = 1,000,000 bytes; start = after ${warmUpSeconds} s warm-up; requests counted by the page over the measured minutes`,
    figures: [
      ...formatTable(rows),
      `growth: heap ${fixed(heapGrowth)} MB, DOM elements ${fixed(domChange * 100, 1)} %`,
      `API requests a minute by kind: ${byKind}; ${pageErrors.length} uncaught page error(s)${pageErrors[0] ? `, first: ${pageErrors[0].slice(0, 120)}` : ""}`,
      `data requests: ${fixed(dataPerMinute, 1)} a minute at an announced pace of ${fixed(requests.paceMs / 1_000, 1)} s = ${fixed(perInterval)} per interval`,
    ],
    target: `heap growth < ${MAX_HEAP_GROWTH_MB} MB, DOM elements within ±${MAX_DOM_CHANGE * 100} % from start to end; data requests ≤ ${MAX_REQUESTS_PER_INTERVAL} per announced poll interval (+1 for the window's edge; the version check is not data)`,
    result,
  });
  return result;
}
