import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import type { BenchContext } from "./lib/context";
import { fixed, formatTable, printBlock, verdict, type BenchResult } from "./lib/report";

const STATS_FILE = ".next/diagnostics/route-bundle-stats.json";
const FLOOR = "/_not-found";
const PAGES = ["/", "/batches/[provider]/[batchId]", "/boards/[id]/wall"] as const;
const MAX_RATIO = 1.6;

const routeStatsSchema = z.array(
  z.object({
    route: z.string(),
    firstLoadUncompressedJsBytes: z.number(),
    firstLoadChunkPaths: z.array(z.string()),
  }),
);

type RouteWeight = { route: string; rawBytes: number; gzipBytes: number };

// Each chunk gzipped on its own, as a server sends it; zlib's default level (6), as Next's compression uses.
function weighRoute(appDir: string, route: string, chunkPaths: readonly string[]): RouteWeight {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const chunk of chunkPaths) {
    const content = readFileSync(path.resolve(appDir, chunk));
    rawBytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { route, rawBytes, gzipBytes };
}

const kB = (bytes: number) => fixed(bytes / 1_000, 1);

/** First-load JS of each page, gzipped, against the framework floor of the same build. */
export async function benchPageWeight({ appDir }: BenchContext): Promise<BenchResult> {
  const statsFile = path.join(appDir, STATS_FILE);
  if (!existsSync(statsFile))
    throw new Error(`${STATS_FILE} is missing: run \`npx next build\` first.`);
  const stats = routeStatsSchema.parse(JSON.parse(readFileSync(statsFile, "utf8")));
  const byRoute = new Map(
    stats.map((entry) => [entry.route, weighRoute(appDir, entry.route, entry.firstLoadChunkPaths)]),
  );
  const floor = byRoute.get(FLOOR);
  if (!floor) throw new Error(`${STATS_FILE} lists no ${FLOOR} route to compare against.`);

  const rows = [["route", "raw kB", "gzip kB", "÷ floor", ""]];
  const failures: string[] = [];
  let measured = 0;
  for (const route of PAGES) {
    const weight = byRoute.get(route);
    if (!weight) {
      rows.push([route, "-", "-", "-", "not built (skipped)"]);
      continue;
    }
    const ratio = weight.gzipBytes / floor.gzipBytes;
    measured += 1;
    if (ratio > MAX_RATIO) failures.push(`${route} ${fixed(ratio)}`);
    rows.push([
      route,
      kB(weight.rawBytes),
      kB(weight.gzipBytes),
      fixed(ratio),
      ratio <= MAX_RATIO ? "ok" : "OVER",
    ]);
  }
  rows.push([`${FLOOR} (floor)`, kB(floor.rawBytes), kB(floor.gzipBytes), "1.00", ""]);
  for (const other of byRoute.values()) {
    if (other.route === FLOOR || (PAGES as readonly string[]).includes(other.route)) continue;
    rows.push([
      other.route,
      kB(other.rawBytes),
      kB(other.gzipBytes),
      fixed(other.gzipBytes / floor.gzipBytes),
      "(no target)",
    ]);
  }

  const result: BenchResult = {
    status: verdict(failures.length === 0 && measured > 0),
    summary:
      failures.length > 0
        ? `over ${MAX_RATIO}: ${failures.join(", ")}`
        : `${measured} page(s) within ${MAX_RATIO} × floor`,
  };
  printBlock("page-weight", {
    measured: `first-load JS per route from ${STATS_FILE}, each chunk gzipped (zlib default level 6); kB = 1,000 bytes`,
    figures: formatTable(rows, [4]),
    target: `every page ≤ ${MAX_RATIO} × the ${FLOOR} floor (gzip)`,
    result,
  });
  return result;
}
