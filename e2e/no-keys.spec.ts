import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

test("no provider key appears in any page, script or API response the browser receives", async ({ page }) => {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    bodies.push(response.text().catch(() => ""));
  });
  await page.goto("/");
  await page.goto(`/batches/migma/${E2E.ids.migma.running}`);
  await expect(page.getByTestId("batch-state")).toBeVisible();
  await page.goto(`/batches/sendgrid/${E2E.ids.sendgrid["fault-500"]}`);
  await expect(page.getByTestId("batch-error")).toBeVisible();
  const all = await Promise.all(bodies);
  expect(all.length).toBeGreaterThan(5);
  for (const key of Object.values(E2E.keys)) {
    expect(all.some((body) => body.includes(key)), `key of length ${key.length} leaked`).toBe(false);
  }
});
