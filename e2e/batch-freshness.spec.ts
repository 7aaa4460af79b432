import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

// A small provider budget shared by several running batches makes the server announce a long pace
// (Migma's 10 calls a minute over three batches: every 24 s). The shared e2e server runs with
// generous budgets, so the real answers of one batch are rewritten to announce such a pace.
const PACE_MS = 24_000;
const batchPath = `/api/batches/migma/${E2E.ids.migma.running}`;

test("a batch the server refreshes every 24 s is not called stale between two polls", async ({ page }) => {
  test.setTimeout(60_000);
  let answers = 0;
  await page.route(
    (url) => url.pathname === batchPath,
    async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { polling?: { intervalMs: number; nextUpdateAt: string | null; final: boolean } };
      if (body.polling && !body.polling.final) {
        body.polling.intervalMs = PACE_MS;
        body.polling.nextUpdateAt = new Date(Date.now() + PACE_MS).toISOString();
      }
      answers += 1;
      await route.fulfill({ response, json: body });
    },
  );

  await page.goto(`/batches/migma/${E2E.ids.migma.running}`);
  await expect(page.getByTestId("batch-state")).toHaveText(/running/i);
  await expect(page.getByTestId("batch-updated")).toContainText("refreshing every 24 s");
  const seen = answers;

  // Sampled once a second without retrying, so not even a brief stale moment goes unseen: well
  // past the 6 s a 2 s running pace would allow, and still before the next poll is due.
  const data = page.getByTestId("batch-data");
  for (let second = 0; second < 15; second += 1) {
    expect(await data.getAttribute("data-stale"), `after ${second} s`).toBe("false");
    expect(await page.getByTestId("stale-banner").count(), `after ${second} s`).toBe(0);
    await page.waitForTimeout(1_000);
  }
  expect(answers, "no answer arrived during the stretch: it lay between two polls").toBe(seen);
  await expect(page.getByTestId("batch-state")).toHaveText(/running/i);
});
