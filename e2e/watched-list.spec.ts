import { expect, test, type Locator } from "@playwright/test";
import { E2E } from "./support/settings";

test("adding a batch shows a live row whose progress rises without a reload", async ({ page }) => {
  await page.goto("/");
  const form = page.getByTestId("add-batch-form");
  await form.getByLabel(/provider/i).selectOption("mindo");
  // Pasted with the spaces around it that copying from a dashboard brings.
  await form.getByLabel(/batch id/i).fill(`  ${E2E.ids.mindo.running}\t`);
  await form.getByLabel(/label/i).fill("Order reminders");
  await form.getByRole("button", { name: /add|watch/i }).click();

  const row = page.locator(`[data-testid="watched-row"][data-provider="mindo"][data-batch-id="${E2E.ids.mindo.running}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Order reminders");
  const bar = row.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuenow", /\d+/);
  const first = await readProgress(bar);
  await expect.poll(async () => readProgress(bar), { timeout: 20_000 }).toBeGreaterThan(first);
});

test("an invalid id is rejected inline with the reason, before anything is saved", async ({ page }) => {
  await page.goto("/");
  const form = page.getByTestId("add-batch-form");
  await form.getByLabel(/provider/i).selectOption("mindo");
  await form.getByLabel(/batch id/i).fill("not-a-uuid");
  await form.getByRole("button", { name: /add|watch/i }).click();
  await expect(page.getByTestId("batch-id-error")).toContainText(/UUID/i);
  await expect(page.locator('[data-testid="watched-row"][data-batch-id="not-a-uuid"]')).toHaveCount(0);
});

test("removing a watched batch can be undone for a few seconds, then it is gone for everyone", async ({ page, request }) => {
  const batchId = E2E.ids.migma.completed;
  const created = await request.post("/api/watched", { data: { provider: "migma", batchId, label: "To remove" } });
  expect([201, 409]).toContain(created.status());
  await page.goto("/");
  const row = page.locator(`[data-testid="watched-row"][data-provider="migma"][data-batch-id="${batchId}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: /^Remove / }).click();
  await expect(row).toHaveCount(0);
  const undo = page.getByTestId("undo-remove");
  await expect(undo).toContainText("To remove");
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(row).toBeVisible();
  await expect(undo).toHaveCount(0);

  const removed = page.waitForResponse((response) => response.request().method() === "DELETE" && response.url().includes("/api/watched/"));
  await row.getByRole("button", { name: /^Remove / }).click();
  expect((await removed).status()).toBe(204);
  await expect(undo).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("watched-row").first()).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("the watched list is searched, filtered and sorted in its address, so a teammate's link shows the same list", async ({
  page,
  browser,
  request,
}) => {
  for (const data of [
    { provider: "bolna", batchId: E2E.ids.bolna.completed },
    { provider: "migma", batchId: E2E.ids.migma.running },
  ]) {
    expect([201, 409]).toContain((await request.post("/api/watched", { data })).status());
  }
  await page.goto("/");
  const rows = page.getByTestId("watched-row");
  const bolna = page.locator(`[data-testid="watched-row"][data-provider="bolna"][data-batch-id="${E2E.ids.bolna.completed}"]`);
  await expect(bolna).toBeVisible();
  const controls = page.getByTestId("watched-controls");
  await controls.getByLabel("Provider", { exact: true }).selectOption("bolna");
  await controls.getByLabel("State", { exact: true }).selectOption("completed");
  await controls.getByLabel("Sort by").selectOption("name");
  await controls.getByLabel(/search/i).fill(E2E.ids.bolna.completed.slice(-6));
  await expect(page).toHaveURL(/\?q=\w+&state=completed&provider=bolna&sort=name$/);
  await expect(bolna).toBeVisible();
  await expect(rows.and(page.locator(':not([data-provider="bolna"])'))).toHaveCount(0);
  await expect(page.getByTestId("watched-count")).toContainText(/of \d+ batches shown/);

  const teammate = await browser.newPage({ storageState: E2E.storageState });
  await teammate.goto(page.url());
  await expect(teammate.getByTestId("watched-controls").getByLabel("Provider", { exact: true })).toHaveValue("bolna");
  await expect(teammate.getByTestId("watched-row")).toHaveCount(await rows.count());
  await teammate.close();

  await controls.getByLabel(/search/i).fill("no batch is called this");
  await expect(page.getByTestId("watched-none-match")).toBeVisible();
});

async function readProgress(bar: Locator): Promise<number> {
  return Number(await bar.getAttribute("aria-valuenow"));
}
