import { expect, test } from "@playwright/test";
import type { APIRequestContext, Locator } from "@playwright/test";
import { E2E } from "./support/settings";
import { cardOf, createBoardViaApi, uniqueName } from "./support/boards";

const MIGMA = E2E.ids.migma.partial;
const SENDGRID = E2E.ids.sendgrid.paused;
/** What the simulator's Migma batches are called: their subject. */
const SUBJECT = "Winter sale: 30% off everything";

/** Labels are the team's: other specs may have named these batches, so start from none. */
async function clearLabel(request: APIRequestContext, provider: string, batchId: string) {
  const response = await request.put(`/api/batches/${provider}/${batchId}/label`, {
    data: { label: null },
  });
  expect(response.status()).toBe(200);
}

async function rename(scope: Locator, name: string) {
  await scope.getByTestId("rename-batch").click();
  await scope.getByLabel("Name for the whole team").fill(name);
  await scope.getByRole("button", { name: "Save" }).click();
}

test("every view names a batch by the team's label, else the provider's name, else its id, and renaming anywhere renames it everywhere", async ({
  page,
  request,
}) => {
  await clearLabel(request, "migma", MIGMA);
  await clearLabel(request, "sendgrid", SENDGRID);
  const boardId = await createBoardViaApi(request, uniqueName("Names"), [
    { provider: "migma", batchId: MIGMA },
    { provider: "sendgrid", batchId: SENDGRID },
  ]);
  const watched = await request.post("/api/watched", {
    data: { provider: "migma", batchId: MIGMA },
  });
  expect([201, 409]).toContain(watched.status());

  await page.goto(`/boards/${boardId}`);
  const migma = cardOf(page, "migma", MIGMA);
  await expect(migma.getByTestId("batch-name")).toHaveText(SUBJECT);
  await expect(migma.getByTestId("batch-id")).toHaveText(MIGMA);
  // SendGrid names no batch: its id is its name, and it is not shown twice.
  const sendgrid = cardOf(page, "sendgrid", SENDGRID);
  await expect(sendgrid.getByTestId("batch-name")).toHaveText(SENDGRID);
  await expect(sendgrid.getByTestId("batch-id")).toHaveCount(0);

  await rename(migma, "Spring sale");
  await expect(migma.getByTestId("batch-name")).toHaveText("Spring sale");

  await page.goto("/");
  const row = page.locator(
    `[data-testid="watched-row"][data-provider="migma"][data-batch-id="${MIGMA}"]`,
  );
  await expect(row.getByTestId("batch-name")).toHaveText("Spring sale");
  await rename(row, "  Summer sale ");
  await expect(row.getByTestId("batch-name")).toHaveText("Summer sale");

  await row.getByTestId("batch-name").click();
  await expect(page.getByTestId("batch-name")).toHaveText("Summer sale");
  await expect(page.getByTestId("batch-id")).toHaveText(MIGMA);
  await rename(page.getByTestId("batch-heading"), "");
  await expect(page.getByTestId("batch-name")).toHaveText(SUBJECT);

  await page.goto(`/boards/${boardId}/wall`);
  await expect(cardOf(page, "migma", MIGMA).getByTestId("batch-name")).toHaveText(SUBJECT);
});
