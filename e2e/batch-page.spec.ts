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

test("a batch the provider does not know says not found, once", async ({ page }) => {
  await page.goto("/batches/bolna/ffffffffffffffffffffffffffffffff");
  const notice = page.getByTestId("batch-error");
  await expect(notice).toHaveAttribute("data-code", "not_found");
  expect(((await notice.innerText()).match(/no batch with this id/gi) ?? []).length).toBe(1);
});

test("the progress chart labels time without repeats, shows values on hover, and has a range and a y-axis to choose", async ({ page }) => {
  await page.goto(`/batches/migma/${E2E.ids.migma.running}`);
  const chart = page.getByTestId("progress-chart");
  await expect(chart.locator(".recharts-line-curve")).toBeVisible({ timeout: 20_000 });
  // Time ticks are the axis labels with a clock in them; the y-axis has the counts.
  const timeLabels = async () =>
    (await chart.locator(".recharts-cartesian-axis-tick-value").allTextContents()).filter((text) => text.includes(":"));
  await expect.poll(async () => (await timeLabels()).length).toBeGreaterThan(1);
  const labels = await timeLabels();
  expect(new Set(labels).size, labels.join(" | ")).toBe(labels.length);

  const box = await chart.boundingBox();
  if (!box) throw new Error("no chart");
  await chart.hover({ position: { x: box.width * 0.7, y: box.height / 2 } });
  await expect(page.getByTestId("chart-tooltip")).toContainText(/processed of 2,400/);

  const controls = page.getByTestId("chart-controls");
  await expect(controls.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true");
  await controls.getByRole("button", { name: "15 min" }).click();
  await expect(controls.getByRole("button", { name: "15 min" })).toHaveAttribute("aria-pressed", "true");
  await expect(chart.locator(".recharts-reference-line")).toHaveCount(1);
  await controls.getByRole("button", { name: "Fit data" }).click();
  // Fitted to the data, the axis no longer runs up to the 2,400 total, nor draws its line.
  await expect(chart.locator(".recharts-reference-line")).toHaveCount(0);
  await expect
    .poll(async () => (await chart.locator(".recharts-cartesian-axis-tick-value").allTextContents()).includes("2,400"))
    .toBe(false);
});

test("a provider that is down is shown as down, not as a crash", async ({ page }) => {
  await page.goto(`/batches/mindo/${E2E.ids.mindo["fault-500"]}`);
  await expect(page.getByTestId("batch-error")).toHaveAttribute("data-code", "provider_error");
  await page.goto(`/batches/migma/${E2E.ids.migma["fault-invalid-json"]}`);
  await expect(page.getByTestId("batch-error")).toHaveAttribute("data-code", "provider_bad_response");
});
