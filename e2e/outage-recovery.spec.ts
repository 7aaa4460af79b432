import { expect, test } from "@playwright/test";
import { simMigmaBatchEndingAt } from "../sim/scenarios";
import { cardOf, createBoardViaApi, uniqueName } from "./support/boards";
import { E2E } from "./support/settings";

// The provider goes down twice, for 30 s and for 3 minutes (the long one cannot be shorter, so
// both share one run), and each time a batch finishes while it is down. Both batches are polled
// every 2 s, so a recovery must show within 15 s: max(one poll interval, 15 s).
const RECOVERY_MS = 15_000;

type SimStats = { calls: Record<string, number>; dropped: Partial<Record<string, number>> };
const sim = (path: string, method = "GET") => fetch(`${E2E.simUrl}/__sim/${path}`, { method });
const setOutage = (on: boolean) => sim("outage", on ? "POST" : "DELETE");
const simStats = async () => (await (await sim("stats")).json()) as SimStats;
const waitUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
const msLeft = (deadline: number) => Math.max(1, deadline - Date.now());

test("after outages of 30 s and 3 min, stale ends within 15 s of the provider answering, batches that finished meanwhile show final, and polling stops", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(7 * 60_000);
  const t0 = Date.now();
  const first = simMigmaBatchEndingAt(t0 + 30_000);
  const second = simMigmaBatchEndingAt(t0 + 100_000);
  const boardId = await createBoardViaApi(request, uniqueName("Outages"), [
    { provider: "migma", batchId: first, label: "Ends during the short outage" },
    { provider: "migma", batchId: second, label: "Ends during the long outage" },
  ]);
  const wall = await context.newPage();
  await Promise.all([page.goto(`/batches/migma/${first}`), wall.goto(`/boards/${boardId}/wall`)]);
  const banner = page.getByTestId("stale-banner");
  const wallBanner = wall.getByTestId("stale-banner");
  const state = page.getByTestId("batch-state");
  await expect(state).toHaveAttribute("data-state", "running");
  await expect(cardOf(wall, "migma", first)).toHaveAttribute("data-state", "running");
  await expect(cardOf(wall, "migma", second)).toHaveAttribute("data-state", "running");
  await expect(banner).toHaveCount(0);
  await expect(wallBanner).toHaveCount(0);

  // 30 s down; the first batch ends in the middle of it.
  const down1 = Math.max(Date.now(), t0 + 15_000);
  expect(down1, "the pages loaded too slowly for the batch to end during the outage").toBeLessThan(t0 + 28_000);
  await waitUntil(down1);
  await setOutage(true);
  try {
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(wallBanner).toBeVisible({ timeout: 10_000 });
    // The last numbers stay on screen, and "Updated" ages with them: it never says "just now" under the banner.
    await expect(page.getByTestId("batch-processed")).toBeVisible();
    await expect(state).toHaveAttribute("data-state", "running");
    await expect(page.getByTestId("batch-updated")).toHaveText(/Updated [12]\d s ago/, { timeout: 20_000 });
    await expect(wall.getByTestId("wall-updated")).toHaveText(/Updated [12]\d s ago/);
    await waitUntil(down1 + 30_000);
  } finally {
    await setOutage(false);
  }
  const back1 = Date.now() + RECOVERY_MS;
  await expect(banner).toHaveCount(0, { timeout: msLeft(back1) });
  await expect(wallBanner).toHaveCount(0, { timeout: msLeft(back1) });
  await expect(state).toHaveAttribute("data-state", "completed", { timeout: msLeft(back1) });
  await expect(page.getByTestId("batch-updated")).toHaveText(/Updated (just now|\d s ago)/, { timeout: msLeft(back1) });
  await expect(cardOf(wall, "migma", first)).toHaveAttribute("data-state", "completed", { timeout: msLeft(back1) });
  await expect(cardOf(wall, "migma", first)).toHaveAttribute("data-stale", "false");
  await expect(cardOf(wall, "migma", second)).toHaveAttribute("data-state", "running");

  // 3 minutes down, while the first batch is still in its settling tail; the second ends early in it.
  await page.goto(`/batches/migma/${second}`);
  await expect(state).toHaveAttribute("data-state", "running");
  const down2 = Date.now();
  expect(down2, "the second batch must still be running when the long outage begins").toBeLessThan(t0 + 95_000);
  await setOutage(true);
  try {
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(wallBanner).toBeVisible({ timeout: 10_000 });
    // The first batch settles at a 30 s pace: its next call, and the wall's next look, may each be that far away.
    await expect(cardOf(wall, "migma", first)).toHaveAttribute("data-stale", "true", { timeout: 75_000 });
    const from = Math.max(Date.now(), down2 + 40_000);
    await waitUntil(from);
    const before = (await simStats()).dropped.migma ?? 0;
    await waitUntil(down2 + 170_000);
    const droppedWhileDown = ((await simStats()).dropped.migma ?? 0) - before;
    // Two batches at a 2 s pace would make a call a second; the open breaker probes every 8–10 s.
    expect(droppedWhileDown).toBeLessThanOrEqual(Math.ceil((Date.now() - from) / 8_000) + 1);
    // Old numbers are never called final while the provider is down.
    await expect(page.getByTestId("batch-final")).toHaveCount(0);
    await waitUntil(down2 + 180_000);
  } finally {
    await setOutage(false);
  }
  const back2 = Date.now() + RECOVERY_MS;
  await expect(banner).toHaveCount(0, { timeout: msLeft(back2) });
  await expect(wallBanner).toHaveCount(0, { timeout: msLeft(back2) });
  await expect(state).toHaveAttribute("data-state", "completed", { timeout: msLeft(back2) });
  await expect(page.getByTestId("batch-final")).toBeVisible({ timeout: msLeft(back2) });
  await expect(page.getByTestId("batch-updated")).toContainText("final, no longer refreshing");
  for (const batchId of [first, second]) {
    await expect(cardOf(wall, "migma", batchId)).toHaveAttribute("data-state", "completed", { timeout: msLeft(back2) });
    await expect(cardOf(wall, "migma", batchId)).toHaveAttribute("data-stale", "false");
  }
  await expect(wall.getByTestId("wall-updated")).toHaveText("All batches final", { timeout: msLeft(back2) });
  for (const batchId of [first, second]) {
    const view = (await (await request.get(`/api/batches/migma/${batchId}`)).json()) as { stale: boolean; polling: { final: boolean; lastError: unknown } };
    expect(view, batchId).toMatchObject({ stale: false, polling: { final: true, lastError: null } });
  }

  // Nothing keeps polling: neither the server (the simulator's count) nor the open pages.
  const asked: string[] = [];
  const watch = (url: string) => [first, second].some((id) => url.includes(`/api/batches/migma/${id}`)) && asked.push(url);
  page.on("request", (request) => watch(request.url()));
  wall.on("request", (request) => watch(request.url()));
  const callsOf = (stats: SimStats) => [first, second].map((id) => stats.calls[`migma:${id}`] ?? 0);
  const calls = callsOf(await simStats());
  await page.waitForTimeout(6_000);
  expect(callsOf(await simStats())).toEqual(calls);
  expect(asked).toEqual([]);
});
