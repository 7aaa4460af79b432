import { expect, test, type Locator } from "@playwright/test";
import { E2E } from "./support/settings";

test("adding a batch shows a live row whose progress rises without a reload", async ({ page }) => {
  await page.goto("/");
  const form = page.getByTestId("add-batch-form");
  await form.getByLabel(/provider/i).selectOption("mindo");
  await form.getByLabel(/batch id/i).fill(E2E.ids.mindo.running);
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

test("a watched batch can be removed", async ({ page, request }) => {
  const batchId = E2E.ids.migma.completed;
  const created = await request.post("/api/watched", { data: { provider: "migma", batchId, label: "To remove" } });
  expect([201, 409]).toContain(created.status());
  await page.goto("/");
  const row = page.locator(`[data-testid="watched-row"][data-provider="migma"][data-batch-id="${batchId}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: /remove/i }).click();
  await expect(row).toHaveCount(0);
  await page.reload();
  await expect(row).toHaveCount(0);
});

async function readProgress(bar: Locator): Promise<number> {
  return Number(await bar.getAttribute("aria-valuenow"));
}
