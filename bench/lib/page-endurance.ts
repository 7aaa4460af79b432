import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { deferCleanup } from "./cleanup";
import { sleep } from "./sleep";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type PageSample = {
  atSeconds: number;
  heapBytes: number;
  domElements: number;
  cdpNodes: number;
};

export type EnduranceOptions = {
  baseUrl: string;
  cookie: string;
  path: string;
  warmUpSeconds: number;
  minutes: number;
  chromiumPath?: string;
  onSample?: (sample: PageSample) => void;
  /** How to count an API path, e.g. "snapshot" or "other"; default: the path itself. */
  requestKind?: (pathname: string) => string;
};

export type EnduranceFigures = {
  samples: PageSample[];
  /** API requests a minute over the measured minutes, by path as `requestKind` names it. */
  apiRequestsPerMinute: Map<string, number>;
  pageErrors: string[];
};

/**
 * Opens one page signed in and leaves it polling: a sample after the warm-up, one a minute, one at
 * the end. Each sample follows two forced garbage collections, so only live memory is counted.
 */
export async function measurePageEndurance(options: EnduranceOptions): Promise<EnduranceFigures> {
  const browser = await launchChromium(options.chromiumPath);
  const close = deferCleanup(() => browser.close());
  try {
    const context = await signedInContext(browser, options.baseUrl, options.cookie);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.length < 20 && pageErrors.push(error.message));
    const apiRequests = new Map<string, number>();
    const kindOf = options.requestKind ?? ((pathname: string) => pathname);
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (!pathname.startsWith("/api/")) return;
      const kind = kindOf(pathname);
      apiRequests.set(kind, (apiRequests.get(kind) ?? 0) + 1);
    });

    const response = await page.goto(options.baseUrl + options.path, {
      waitUntil: "load",
      timeout: 60_000,
    });
    if (response?.status() !== 200 || !page.url().endsWith(options.path)) {
      throw new Error(`${options.path} answered ${response?.status()} at ${page.url()}`);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const opened = performance.now();
    await sleep(options.warmUpSeconds * 1_000);

    const samples: PageSample[] = [];
    const take = async () => {
      const sample = await samplePage(page, cdp, (performance.now() - opened) / 1_000);
      samples.push(sample);
      options.onSample?.(sample);
    };
    await take();
    const requestsAtStart = new Map(apiRequests);
    const measuredFrom = performance.now();
    const end = measuredFrom + options.minutes * 60_000;
    for (
      let minute = 0;
      minute < Math.ceil(options.minutes) && performance.now() < end;
      minute += 1
    ) {
      await sleep(Math.min(60_000, end - performance.now()));
      await take();
    }
    const minutes = (performance.now() - measuredFrom) / 60_000;
    const perMinute = new Map(
      [...apiRequests].map(([kind, count]) => [kind, (count - (requestsAtStart.get(kind) ?? 0)) / minutes]),
    );
    return { samples, apiRequestsPerMinute: perMinute, pageErrors };
  } finally {
    await close();
  }
}

/** A browser context holding the bench user's session cookie. */
export async function signedInContext(browser: Browser, baseUrl: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addCookies(parseCookies(cookie).map(({ name, value }) => ({ name, value, url: baseUrl })));
  return context;
}

export async function launchChromium(executablePath: string | undefined): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: executablePath || undefined,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(
      `Chromium did not start (${reason}). Set CHROMIUM_PATH, e.g. CHROMIUM_PATH=/usr/bin/chromium.`,
    );
  }
}

async function samplePage(page: Page, cdp: CDPSession, atSeconds: number): Promise<PageSample> {
  await cdp.send("HeapProfiler.collectGarbage");
  await sleep(200);
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((item) => item.name === name)?.value ?? Number.NaN;
  const domElements = await page.evaluate(() => document.getElementsByTagName("*").length);
  return { atSeconds, heapBytes: metric("JSHeapUsedSize"), domElements, cdpNodes: metric("Nodes") };
}

function parseCookies(header: string): { name: string; value: string }[] {
  return header
    .split("; ")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1) };
    });
}
