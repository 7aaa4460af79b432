import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
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
};

export type EnduranceFigures = {
  samples: PageSample[];
  apiRequestsPerMinute: number;
  pageErrors: string[];
};

/**
 * Opens one page signed in and leaves it polling: a sample after the warm-up, one a minute, one at
 * the end. Each sample follows two forced garbage collections, so only live memory is counted.
 */
export async function measurePageEndurance(options: EnduranceOptions): Promise<EnduranceFigures> {
  const browser = await launch(options.chromiumPath);
  const close = deferCleanup(() => browser.close());
  try {
    const context = await browser.newContext();
    await context.addCookies(
      parseCookies(options.cookie).map(({ name, value }) => ({
        name,
        value,
        url: options.baseUrl,
      })),
    );
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.length < 20 && pageErrors.push(error.message));
    let apiRequests = 0;
    page.on(
      "request",
      (request) => (apiRequests += new URL(request.url()).pathname.startsWith("/api/") ? 1 : 0),
    );

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
    const requestsAtStart = apiRequests;
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
    return { samples, apiRequestsPerMinute: (apiRequests - requestsAtStart) / minutes, pageErrors };
  } finally {
    await close();
  }
}

async function launch(executablePath: string | undefined): Promise<Browser> {
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
