import { expect, test } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";
import { acceptInviteAndSignIn, inviteFromSettings } from "./support/people";
import { E2E } from "./support/settings";

const run = Date.now().toString(36);
const operator = {
  email: `operator-${run}@e2e.test`,
  name: `Operator ${run}`,
  password: "operator-password-1",
};
const connectionName = `Audited ${run}`;

async function addTestAndRemoveConnection(page: Page) {
  await page.goto("/settings/connections");
  const form = page.getByTestId("add-connection-form");
  await form.getByLabel("Provider").selectOption("migma");
  await form.getByLabel("Name").fill(connectionName);
  await form.getByLabel("API key").fill(E2E.keys.migma);
  await form.getByRole("button", { name: "Add connection" }).click();
  const row = page.getByTestId("connection-row").filter({ hasText: connectionName });
  await row.getByRole("button", { name: "Test" }).click();
  await expect(row.getByTestId("connection-test-result")).toHaveAttribute("data-ok", "true");
  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(row).toHaveCount(0);
}

const rowSaying = (page: Page, text: string | RegExp): Locator =>
  page.getByTestId("activity-row").filter({ hasText: text });

test("the people, connection and share-link changes made here appear on Settings → Activity, refusals included", async ({
  page,
  browser,
}) => {
  const inviteUrl = await inviteFromSettings(page, operator, "operator");
  const operatorPage = await acceptInviteAndSignIn(browser, inviteUrl, operator);
  // An operator may watch and build boards, but not manage people or read the log.
  expect(
    (
      await operatorPage.request.post("/api/users", {
        data: { email: `x-${run}@e2e.test`, name: "X", role: "admin" },
      })
    ).status(),
  ).toBe(403);
  expect((await operatorPage.request.get("/api/audit")).status()).toBe(403);
  await operatorPage.goto("/settings/activity");
  await expect(operatorPage.getByTestId("admins-only")).toBeVisible();
  await operatorPage.context().close();

  await page.goto("/settings/users");
  await page.getByLabel(`Role of ${operator.name}`).selectOption("member");
  await expect(page.getByLabel(`Role of ${operator.name}`)).toHaveValue("member");
  await addTestAndRemoveConnection(page);

  const board = (await (
    await page.request.post("/api/boards", { data: { name: `Audit wall ${run}`, batches: [] } })
  ).json()) as { id: string };
  const link = (await (
    await page.request.post(`/api/boards/${board.id}/share-links`, { data: {} })
  ).json()) as { id: string; url: string };
  expect((await page.request.delete(`/api/share-links/${link.id}`)).status()).toBe(204);

  await page.goto("/settings/activity");
  await expect(
    rowSaying(page, `created a share link to the board 'Audit wall ${run}'`),
  ).toHaveAttribute("data-outcome", "ok");
  await expect(
    rowSaying(page, `revoked a share link to the board 'Audit wall ${run}'`),
  ).toBeVisible();
  await expect(rowSaying(page, `removed the connection '${connectionName}' (Migma)`)).toBeVisible();
  await expect(rowSaying(page, `tested the connection '${connectionName}' (Migma)`)).toContainText(
    "The key works",
  );
  await expect(rowSaying(page, `added the connection '${connectionName}' (Migma)`)).toBeVisible();
  // The bootstrap admin is called "Admin"; a person is named as they are now.
  await expect(
    rowSaying(page, `Admin changed the role of '${operator.email}' from operator to member`),
  ).toBeVisible();
  const refused = rowSaying(page, `${operator.name} invited 'x-${run}@e2e.test' as admin`);
  await expect(refused).toHaveAttribute("data-outcome", "refused");
  await expect(rowSaying(page, `invited '${operator.email}' as operator`)).toHaveAttribute(
    "data-outcome",
    "ok",
  );
  const text = await page.getByRole("list", { name: "Activity" }).textContent();
  expect(text).not.toContain(E2E.keys.migma);
  expect(text).not.toContain(link.url.split("/s/")[1]);
});

test("older activity is one click away", async ({ page }) => {
  const board = (await (
    await page.request.post("/api/boards", { data: { name: `Paging ${run}`, batches: [] } })
  ).json()) as { id: string };
  // More than the 50 events of the first page.
  for (let n = 0; n < 52; n++)
    expect(
      (await page.request.post(`/api/boards/${board.id}/share-links`, { data: {} })).status(),
    ).toBe(201);
  const created = page
    .locator('[data-testid="activity-row"][data-action="share_link.create"]')
    .filter({ hasText: `'Paging ${run}'` });

  await page.goto("/settings/activity");
  await expect(created).toHaveCount(50);
  await page.getByRole("button", { name: "Show older" }).click();
  await expect(created).toHaveCount(52);
});
