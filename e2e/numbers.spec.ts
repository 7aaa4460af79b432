import { expect, test } from "@playwright/test";
import { cardOf, createBoardViaApi, uniqueName } from "./support/boards";
import { E2E } from "./support/settings";

const { ids } = E2E;

test("every provider's numbers say what it reports: captions, unreached calls, time left, average, nouns", async ({ page }) => {
  // Migma: "Sent" is handed over, not delivered; no delivery counts, so never provisional.
  await page.goto(`/batches/migma/${ids.migma.running}`);
  await expect(page.getByTestId("caption-sent")).toHaveText(/^Sent · delivery not reported/);
  await expect(page.getByTestId("caption-failed")).toHaveText(/^Failed/);
  await expect(page.getByRole("list", { name: "Emails by status" })).toBeVisible();
  // Migma reports no start time: the average says what it is measured from.
  await expect(page.getByTestId("batch-pace")).toContainText("since watching began");
  const progress = page.getByRole("region", { name: "Progress" });
  await expect(progress.getByTestId("batch-time-left")).toContainText("Time left");
  await expect(progress).toContainText("emails processed");

  await page.goto(`/batches/migma/${ids.migma.completed}`);
  await expect(page.getByTestId("batch-final")).toBeVisible();
  await expect(page.getByTestId("batch-provisional")).toHaveCount(0);

  // Mindo: the exclusive bucket is named for what it holds, so it cannot contradict the funnel.
  await page.goto(`/batches/mindo/${ids.mindo.running}`);
  await expect(page.getByText("Sent, not yet delivered")).toBeVisible();
  await expect(page.getByTestId("caption-sent")).toHaveText(/^Awaiting a delivery receipt/);
  await expect(page.getByTestId("batch-pace")).toContainText("since sending began");
  // Mindo's own ETA sits where the measured one does for the others.
  await expect(page.getByRole("region", { name: "Progress" }).getByTestId("batch-time-left")).toContainText("Mindo's estimate");
  await expect(page.getByRole("list", { name: "Messages by status" })).toBeVisible();

  // Bolna: busy and unanswered calls are amber "not reached", red is only for failures.
  await page.goto(`/batches/bolna/${ids.bolna.completed}`);
  await expect(page.getByRole("list", { name: "Calls by status" })).toBeVisible();
  for (const status of ["busy", "no-answer"]) {
    await expect(page.locator("li", { has: page.getByTestId(`count-${status}`) })).toHaveAttribute("data-outcome", "unreached");
    await expect(page.getByTestId(`caption-${status}`)).toHaveText(/^Not reached/);
    await expect(page.getByTestId(`count-${status}`)).toHaveCSS("color", "rgb(245, 158, 11)");
  }
  await expect(page.locator("li", { has: page.getByTestId("count-failed") })).toHaveAttribute("data-outcome", "failure");
  await expect(page.getByTestId("count-failed")).toHaveCSS("color", "rgb(248, 113, 113)");
  await expect(page.getByRole("region", { name: "Progress" })).toContainText("calls processed");
  const api = (await (await page.request.get(`/api/batches/bolna/${ids.bolna.completed}`)).json()) as { counts: { status: string; outcome: string }[] };
  expect(api.counts.filter((count) => count.outcome === "unreached").map((count) => count.status).sort()).toEqual(["busy", "no-answer"]);

  // A scheduled batch: the same place says when it starts.
  await page.goto(`/batches/bolna/${ids.bolna.scheduled}`);
  await expect(page.getByRole("region", { name: "Progress" }).getByTestId("batch-time-left")).toContainText(/Starts\s*in \d+ (h|min)/);
});

test("a batch without counts shows its state and send time, a failed one its reason at the top, on the page and the board", async ({ page, request }) => {
  const boardId = await createBoardViaApi(request, uniqueName("Reasons"), [
    { provider: "sendgrid", batchId: ids.sendgrid.scheduled, label: "Weekend digest" },
    { provider: "migma", batchId: ids.migma.failed, label: "Unverified domain" },
    { provider: "bolna", batchId: ids.bolna.completed, label: "Renewal calls" },
  ]);
  await page.goto(`/boards/${boardId}`);
  const sendgrid = cardOf(page, "sendgrid", ids.sendgrid.scheduled);
  await expect(sendgrid).toHaveAttribute("data-state", "scheduled");
  await expect(sendgrid.getByTestId("batch-send-time")).toHaveText("SendGrid does not report when this batch sends.");
  await expect(sendgrid.getByTestId("batch-failures")).toHaveCount(0);
  await expect(sendgrid.getByTestId("card-headline")).toHaveCount(0);
  const failed = cardOf(page, "migma", ids.migma.failed);
  await expect(failed.locator("header").getByTestId("batch-reason")).toHaveText("Sending domain is not verified");
  const calls = cardOf(page, "bolna", ids.bolna.completed);
  await expect(calls.getByTestId("batch-unreached")).toContainText("not reached");
  await expect(calls.getByTestId("batch-failures")).toContainText("failed");
  // Batches and items are named apart: "Failed" batches, failed emails, failed calls.
  await expect(page.getByTestId("summary-failed")).toHaveAttribute("data-value", "1");
  await expect.poll(async () => Number(await page.getByTestId("summary-emails-failed").getAttribute("data-value"))).toBeGreaterThan(1);
  await expect(page.getByTestId("summary-calls")).toContainText("not reached");

  // The watched list too: the send time instead of zero counters (a batch only this spec watches).
  const unseen = `sim-fresh-numbers-${Date.now().toString(36)}`;
  const watched = await request.post("/api/watched", { data: { provider: "sendgrid", batchId: unseen } });
  expect(watched.status()).toBe(201);
  await page.goto("/");
  const row = page.locator(`[data-testid="watched-row"][data-batch-id="${unseen}"]`);
  await expect(row.getByTestId("batch-send-time")).toHaveText("SendGrid does not report when this batch sends.");
  for (const zero of ["batch-processed", "batch-failures", "batch-progress"]) await expect(row.getByTestId(zero)).toHaveCount(0);
  await request.delete(`/api/watched/${((await watched.json()) as { item: { id: string } }).item.id}`);

  await page.goto(`/batches/sendgrid/${ids.sendgrid.scheduled}`);
  await expect(page.getByTestId("batch-state-card")).toContainText("Scheduled");
  await expect(page.getByTestId("batch-send-time")).toHaveText("SendGrid does not report when this batch sends.");
  for (const zero of ["batch-processed", "batch-progress", "batch-pace"]) await expect(page.getByTestId(zero)).toHaveCount(0);
  await expect(page.locator(".recharts-surface")).toHaveCount(0);

  await page.goto(`/batches/migma/${ids.migma.failed}`);
  await expect(page.locator("header").getByTestId("batch-reason")).toHaveText("Sending domain is not verified");
  await expect(page.getByTestId("batch-details")).not.toContainText("Sending domain");
});

test("loading says so in words, unlike a batch without numbers", async ({ page }) => {
  let answer = () => {};
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route(`**/api/batches/sendgrid/${ids.sendgrid.paused}`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/batches/sendgrid/${ids.sendgrid.paused}`);
  const loading = page.getByTestId("batch-loading");
  await expect(loading).toContainText("Loading…");
  await expect(loading).not.toContainText("—");
  answer();
  await expect(page.getByTestId("batch-state-card")).toContainText("Paused");
  await expect(loading).toHaveCount(0);
});
