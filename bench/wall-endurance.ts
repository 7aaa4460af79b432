import type { ProviderId } from "../lib/providers/provider-id";
import { startAppStack, type AppStack } from "./lib/app-stack";
import { measurePageEndurance, type PageSample } from "./lib/page-endurance";
import { fixed, formatTable, printBlock, verdict, type BenchResult } from "./lib/report";
import { runningAlias, type AliasProvider } from "./lib/running-aliases";
import type { BenchContext } from "./lib/context";

const BOARD_SIZE = 50;
const PROVIDERS: readonly AliasProvider[] = ["mindo", "bolna", "migma"];
// Raised so that no batch on the board is slowed by a budget: every one polls at the running cadence.
const BUDGETS: Partial<Record<ProviderId, number>> = { migma: 3_000, mindo: 3_000, bolna: 3_000 };
const MAX_HEAP_GROWTH_MB = 5;
const MAX_DOM_CHANGE = 0.05;

const title = "wall-endurance";

function skipped(summary: string): BenchResult {
  const result: BenchResult = { status: "SKIPPED", summary };
  printBlock(title, { measured: "the wall page over time", figures: [], target: "-", result });
  return result;
}

/** A board of 50 running batches; its id, or null when this build has no boards API. */
async function createBoard(stack: AppStack): Promise<string | null> {
  const batches = Array.from({ length: BOARD_SIZE }, (_, n) => {
    const provider = PROVIDERS[n % PROVIDERS.length]!;
    return { provider, batchId: runningAlias(provider, n), label: `Bench ${provider} ${n + 1}` };
  });
  const response = await fetch(`${stack.baseUrl}/api/boards`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: stack.cookie },
    body: JSON.stringify({ name: "Bench wall", batches }),
  });
  if (response.status === 404) return null;
  if (!response.ok)
    throw new Error(
      `POST /api/boards answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  const body = (await response.json()) as { id?: unknown; board?: { id?: unknown } };
  const id = body.id ?? body.board?.id;
  if (typeof id !== "string") throw new Error("POST /api/boards answered without a board id.");
  return id;
}

const mb = (bytes: number) => bytes / 1_000_000;

/** The wall page left open on a board of 50 running batches: does memory or the DOM grow? */
export async function benchWallEndurance({ settings, appDir }: BenchContext): Promise<BenchResult> {
  const minutes = settings.BENCH_WALL_MINUTES;
  const warmUpSeconds = settings.BENCH_WALL_WARMUP_SECONDS;
  // Running for the whole run and beyond, so the wall never sees a batch finish.
  const stack = await startAppStack({
    appDir,
    budgets: BUDGETS,
    runningAliases: true,
    simDurationSeconds: warmUpSeconds + minutes * 60 + 600,
  });
  try {
    const boardId = await createBoard(stack);
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
      onSample: (sample) =>
        console.log(
          `  t=${fixed(sample.atSeconds, 0)} s heap ${fixed(mb(sample.heapBytes))} MB, DOM ${sample.domElements} elements`,
        ),
    });
    return report(
      figures.samples,
      figures.apiRequestsPerMinute,
      figures.pageErrors,
      minutes,
      warmUpSeconds,
    );
  } finally {
    await stack.stop();
  }
}

function report(
  samples: readonly PageSample[],
  apiPerMinute: number,
  pageErrors: readonly string[],
  minutes: number,
  warmUpSeconds: number,
): BenchResult {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || samples.length < 2)
    throw new Error("The wall run took fewer than two samples.");
  const heapGrowth = mb(last.heapBytes - first.heapBytes);
  const domChange = (last.domElements - first.domElements) / first.domElements;
  const ok = heapGrowth < MAX_HEAP_GROWTH_MB && Math.abs(domChange) <= MAX_DOM_CHANGE;
  const result: BenchResult = {
    status: verdict(ok),
    summary: `heap ${heapGrowth >= 0 ? "+" : ""}${fixed(heapGrowth)} MB, DOM ${domChange >= 0 ? "+" : ""}${fixed(domChange * 100, 1)} % over ${fixed(minutes, 1)} min`,
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
  printBlock(title, {
    measured: `/boards/{id}/wall with ${BOARD_SIZE} running batches (${PROVIDERS.join(", ")}; budgets raised so none is budget-limited), headless Chromium; JSHeapUsedSize after two forced GCs (CDP); MB = 1,000,000 bytes; start = after ${warmUpSeconds} s warm-up`,
    figures: [
      ...formatTable(rows),
      `growth: heap ${fixed(heapGrowth)} MB, DOM elements ${fixed(domChange * 100, 1)} %`,
      `the page made ${fixed(apiPerMinute, 0)} API requests a minute; ${pageErrors.length} uncaught page error(s)${pageErrors[0] ? `, first: ${pageErrors[0].slice(0, 120)}` : ""}`,
    ],
    target: `heap growth < ${MAX_HEAP_GROWTH_MB} MB and DOM elements within ±${MAX_DOM_CHANGE * 100} % from start to end`,
    result,
  });
  return result;
}
