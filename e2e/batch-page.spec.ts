import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

test("a running batch shows counters and a chart, and its numbers rise by themselves", async ({ page }) => {
  await page.goto(`/batches/migma/${E2E.ids.migma.running}`);
  await expect(page.getByTestId("batch-state")).toHaveText(/running/i);
  const bar = page.getByTestId("batch-progress");
  await expect(bar).toHaveAttribute("aria-valuemax", "100");
  await expect(page.getByTestId("count-sent")).toBeVisible();
  await expect(page.getByTestId("count-failed")).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const processed = async () => Number((await page.getByTestId("batch-processed").innerText()).replace(/[^\d]/g, ""));
  const before = await processed();
  await expect.poll(processed, { timeout: 20_000 }).toBeGreaterThan(before);
});

test("Mindo shows its funnel; SendGrid says it has no counts", async ({ page }) => {
  await page.goto(`/batches/mindo/${E2E.ids.mindo.completed}`);
  await expect(page.getByTestId("batch-state")).toHaveText(/completed/i);
  await expect(page.getByText(/delivered/i).first()).toBeVisible();
  await expect(page.getByText(/read/i).first()).toBeVisible();

  await page.goto(`/batches/sendgrid/${E2E.ids.sendgrid.paused}`);
  await expect(page.getByTestId("batch-state")).toHaveText(/paused/i);
  await expect(page.getByText(/no per-batch counts/i)).toBeVisible();
});

test("a batch the provider does not know says not found", async ({ page }) => {
  await page.goto("/batches/bolna/ffffffffffffffffffffffffffffffff");
  await expect(page.getByTestId("batch-error")).toHaveAttribute("data-code", "not_found");
});

test("a provider that is down is shown as down, not as a crash", async ({ page }) => {
  await page.goto(`/batches/mindo/${E2E.ids.mindo["fault-500"]}`);
  await expect(page.getByTestId("batch-error")).toHaveAttribute("data-code", "provider_error");
  await page.goto(`/batches/migma/${E2E.ids.migma["fault-invalid-json"]}`);
  await expect(page.getByTestId("batch-error")).toHaveAttribute("data-code", "provider_bad_response");
});
