import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

const outage = (method: "POST" | "DELETE") => fetch(`${E2E.simUrl}/__sim/outage`, { method });

test("when the provider goes down mid-send the last numbers stay, marked stale, and recover by themselves", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/batches/bolna/${E2E.ids.bolna.running}`);
  await expect(page.getByTestId("batch-state")).toHaveText(/running/i);
  await expect(page.getByTestId("stale-banner")).toHaveCount(0);
  const processed = page.getByTestId("batch-processed");
  await expect(processed).toBeVisible();

  await outage("POST");
  try {
    await expect(page.getByTestId("stale-banner")).toBeVisible({ timeout: 20_000 });
    // The numbers already shown stay on screen: an outage never blanks them.
    await expect(processed).toBeVisible();
    await expect(page.getByTestId("batch-state")).toHaveText(/running/i);
  } finally {
    await outage("DELETE");
  }
  await expect(page.getByTestId("stale-banner")).toHaveCount(0, { timeout: 45_000 });
});
