import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createBoardViaApi, createShareLinkViaApi, uniqueName } from "./support/boards";
import { E2E } from "./support/settings";

// A Mindo send of 900 messages, 9 % failed, with Meta's error titles (sim/providers/mindo-catalogue.ts).
const ABANDONED_CART = "00000000-0000-4000-8000-0000000000a2";

test("the recipients panel: failures by reason, a filter, a search and a masked CSV of what is filtered", async ({ page }) => {
  const recipientCalls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/recipients")) recipientCalls.push(request.url());
  });
  await page.goto(`/batches/mindo/${ABANDONED_CART}`);
  await expect(page.getByTestId("batch-data")).toBeVisible();
  // Closed until opened: nobody looks, nothing is read.
  expect(recipientCalls).toEqual([]);
  const panel = page.getByTestId("recipients-panel");
  await panel.getByTestId("recipients-toggle").click();

  await expect(panel.getByTestId("recipient-reasons-scope")).toHaveText("By reason, over all 81 rows that did not succeed.");
  const counts = await panel.getByTestId("recipient-reason-count").allTextContents();
  expect(counts.map(Number).reduce((sum, count) => sum + count, 0)).toBe(81);
  const rows = panel.getByTestId("recipient-row");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("failed");
  // Unmasked for the team on the batch page.
  await expect(rows.first().locator("td").first()).toHaveText(/^\+\d{9,}$/);

  await panel.getByRole("button", { name: "Succeeded" }).click();
  await expect(panel.getByTestId("recipient-reasons")).toHaveCount(0);
  await expect(rows.first()).toContainText(/read|delivered|sent/);
  await panel.getByRole("button", { name: "Failed" }).click();

  // A reason lists its own rows; the breakdown stays over every failure.
  const top = panel.getByTestId("recipient-reasons").getByRole("button").first();
  const topCount = Number(await top.getByTestId("recipient-reason-count").textContent());
  const topReason = (await top.locator("span.relative > span.relative").textContent()) ?? "";
  await top.click();
  await expect(panel.getByRole("searchbox", { name: "Search recipients" })).toHaveValue(topReason);
  await expect(rows).toHaveCount(Math.min(50, topCount));
  for (const reason of await rows.locator("td:nth-child(3)").allTextContents()) expect(reason).toBe(topReason);
  const shown = await rows.locator("td:first-child").allTextContents();

  const download = page.waitForEvent("download");
  await panel.getByTestId("recipients-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`mindo-${ABANDONED_CART}-recipients-failure.csv`);
  const lines = (await readFile((await file.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^recipient,outcome,status,reason,at/);
  expect(lines).toHaveLength(topCount + 1);
  for (const line of lines.slice(1)) {
    expect(line).toMatch(/^'\+\d{1,3} \d•• ••• •+\d\d,failure,failed,/);
    expect(line).toContain(topReason.includes(",") ? `"${topReason}"` : topReason);
  }
  for (const number of shown) expect(lines.join("\n")).not.toContain(number.slice(1));
});

test("Migma says plainly it has no recipient rows, and a share link gets 403 on them", async ({ page, playwright, request }) => {
  await page.goto(`/batches/migma/${E2E.ids.migma.completed}`);
  await expect(page.getByTestId("recipients-unsupported")).toHaveText(/Migma does not report its recipients one by one/);
  await expect(page.getByTestId("recipients-toggle")).toHaveCount(0);

  const boardId = await createBoardViaApi(request, uniqueName("Recipients"), [{ provider: "mindo", batchId: ABANDONED_CART }]);
  const link = await createShareLinkViaApi(request, boardId);
  const anonymous = await playwright.request.newContext({ baseURL: E2E.appUrl, storageState: { cookies: [], origins: [] } });
  try {
    // The token reads the batch itself, but never its recipients, as rows or as a file.
    const batch = await anonymous.get(`/api/batches/mindo/${ABANDONED_CART}?share=${link.token}`);
    expect(batch.status()).toBe(200);
    for (const file of ["recipients", "recipients.csv"]) {
      const answer = await anonymous.get(`/api/batches/mindo/${ABANDONED_CART}/${file}?share=${link.token}`);
      expect(answer.status()).toBe(403);
      expect(await answer.json()).toMatchObject({ error: { code: "forbidden" } });
      expect((await anonymous.get(`/api/batches/mindo/${ABANDONED_CART}/${file}`)).status()).toBe(401);
    }
  } finally {
    await anonymous.dispose();
  }
});
