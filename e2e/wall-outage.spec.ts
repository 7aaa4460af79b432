import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";
import { createBoardViaApi, FOUR_PROVIDERS, uniqueName } from "./support/boards";

const outage = (method: "POST" | "DELETE") => fetch(`${E2E.simUrl}/__sim/outage`, { method });

test("the wall shows an unmistakable stale banner while the providers are down, and recovers by itself", async ({ page, request }) => {
  test.setTimeout(120_000);
  const id = await createBoardViaApi(request, uniqueName("Outage"), FOUR_PROVIDERS);
  await page.goto(`/boards/${id}/wall`);
  await expect(page.getByTestId("board-card")).toHaveCount(4);
  await expect(page.getByTestId("stale-banner")).toHaveCount(0);

  await outage("POST");
  try {
    await expect(page.getByTestId("stale-banner")).toBeVisible({ timeout: 45_000 });
    // The last numbers stay on the cards while the banner says they are old.
    await expect(page.getByTestId("board-card")).toHaveCount(4);
  } finally {
    await outage("DELETE");
  }
  await expect(page.getByTestId("stale-banner")).toHaveCount(0, { timeout: 60_000 });
});
