import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { E2E } from "./support/settings";
import { cardOf, createBoardViaApi, createShareLinkViaApi, uniqueName } from "./support/boards";

const WINDOW_MS = 6_000;

/** Every API request the page makes for its data (not the version check, not sign-in). */
function recordDataRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/") && pathname !== "/api/version" && !pathname.startsWith("/api/auth")) paths.push(pathname);
  });
  return paths;
}

test("the board page, the wall and the share page make one data request per poll, and each card keeps its own state", async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  const id = await createBoardViaApi(request, uniqueName("One request"), [
    { provider: "migma", batchId: E2E.ids.migma.running, label: "Live" },
    { provider: "mindo", batchId: E2E.ids.mindo.completed, label: "Done" },
    { provider: "bolna", batchId: E2E.ids.bolna["fault-500"], label: "Broken" },
  ]);
  const link = await createShareLinkViaApi(request, id);
  const pace = async () => {
    const body = (await (await request.get(`/api/boards/${id}/snapshot`)).json()) as { pace: { intervalMs: number } };
    return Math.max(1_000, body.pace.intervalMs);
  };

  const shareContext = await browser.newContext({ baseURL: E2E.appUrl, storageState: { cookies: [], origins: [] } });
  for (const [screen, path] of [
    [page, `/boards/${id}`],
    [page, `/boards/${id}/wall`],
    [await shareContext.newPage(), link.url],
  ] as const) {
    const paths = recordDataRequests(screen);
    await screen.goto(path);
    const live = cardOf(screen, "migma", E2E.ids.migma.running);
    await expect(live).toHaveAttribute("data-state", "running", { timeout: 15_000 });
    // One batch's error is its own card's: the others show their numbers, fresh.
    await expect(cardOf(screen, "bolna", E2E.ids.bolna["fault-500"]).getByTestId("batch-error")).toBeVisible();
    await expect(cardOf(screen, "mindo", E2E.ids.mindo.completed)).toHaveAttribute("data-state", "completed");
    await expect(live).toHaveAttribute("data-stale", "false");
    await expect(live.getByTestId("batch-error")).toHaveCount(0);

    const before = paths.length;
    const processedBefore = Number(await live.getByTestId("batch-processed").getAttribute("data-value"));
    await screen.waitForTimeout(WINDOW_MS);
    const polled = paths.slice(before);
    expect(new Set(polled), path).toEqual(new Set([path.includes("/s/") ? `/api/share/${link.token}/snapshot` : `/api/boards/${id}/snapshot`]));
    expect(polled.length, path).toBeGreaterThanOrEqual(2);
    expect(polled.length, path).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / (await pace())) + 1);
    expect(Number(await live.getByTestId("batch-processed").getAttribute("data-value")), path).toBeGreaterThan(processedBefore);
  }
  await shareContext.close();
});

test("a card's stale numbers are its own: the server's cached copy dims that card alone", async ({ page, request }) => {
  const id = await createBoardViaApi(request, uniqueName("Own stale"), [
    { provider: "migma", batchId: E2E.ids.migma.running },
    { provider: "mindo", batchId: E2E.ids.mindo.completed },
  ]);
  // As the server answers while Mindo fails: its last good numbers, marked stale.
  await page.route(`**/api/boards/${id}/snapshot`, async (route) => {
    const response = await route.fetch({ headers: { ...route.request().headers(), "if-none-match": "" } });
    const body = (await response.json()) as { batches: Array<{ provider: string; view?: { stale: boolean } }> };
    for (const batch of body.batches) if (batch.provider === "mindo" && batch.view) batch.view.stale = true;
    await route.fulfill({ response, json: body });
  });
  await page.goto(`/boards/${id}`);
  await expect(cardOf(page, "mindo", E2E.ids.mindo.completed)).toHaveAttribute("data-stale", "true");
  await expect(cardOf(page, "migma", E2E.ids.migma.running)).toHaveAttribute("data-state", "running");
  await expect(cardOf(page, "migma", E2E.ids.migma.running)).toHaveAttribute("data-stale", "false");
});
