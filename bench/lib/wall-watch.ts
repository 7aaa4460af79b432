import type { Browser, Page } from "@playwright/test";
import { deferCleanup } from "./cleanup";
import { launchChromium, signedInContext } from "./page-endurance";

const SAMPLE_EVERY_MS = 1_000;

export type WallWatch = {
  /** Starts a new phase: what phase() reports covers the time from here. */
  reset: () => void;
  /** Per wall: whether the stale banner showed, and the longest stretch without a number changing. */
  phase: () => { stale: boolean; longestStillMs: number }[];
  close: () => Promise<void>;
};

/** Real walls in headless Chromium, sampled every second: do they keep updating while the load runs? */
export async function watchWalls(options: { baseUrl: string; cookie: string; path: string; count: number; chromiumPath?: string }): Promise<WallWatch> {
  const browser: Browser = await launchChromium(options.chromiumPath);
  const close = deferCleanup(() => browser.close());
  const context = await signedInContext(browser, options.baseUrl, options.cookie);
  const walls: { page: Page; stale: boolean; lastTotal: number; changedAt: number; longestStillMs: number }[] = [];
  for (let n = 0; n < options.count; n += 1) {
    const page = await context.newPage();
    await page.goto(options.baseUrl + options.path, { waitUntil: "load", timeout: 60_000 });
    walls.push({ page, stale: false, lastTotal: -1, changedAt: performance.now(), longestStillMs: 0 });
  }
  const timer = setInterval(() => {
    for (const wall of walls) {
      void wall.page
        .evaluate(() => ({
          stale: document.querySelector('[data-testid="stale-banner"]') !== null,
          total: [...document.querySelectorAll('[data-testid="batch-processed"]')].reduce((sum, element) => sum + Number(element.getAttribute("data-value") ?? 0), 0),
        }))
        .then(({ stale, total }) => {
          const now = performance.now();
          wall.stale ||= stale;
          if (total !== wall.lastTotal) {
            wall.lastTotal = total;
            wall.changedAt = now;
          }
          wall.longestStillMs = Math.max(wall.longestStillMs, now - wall.changedAt);
        })
        .catch(() => undefined);
    }
  }, SAMPLE_EVERY_MS);
  return {
    reset: () => {
      for (const wall of walls) Object.assign(wall, { stale: false, changedAt: performance.now(), longestStillMs: 0 });
    },
    phase: () => walls.map(({ stale, longestStillMs }) => ({ stale, longestStillMs })),
    close: async () => {
      clearInterval(timer);
      await close();
    },
  };
}
