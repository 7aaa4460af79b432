import { expect, test } from "@playwright/test";
import { acceptInviteAndSignIn, inviteFromSettings } from "./support/people";
import { E2E } from "./support/settings";

const run = Date.now().toString(36);
const member = { email: `member-${run}@e2e.test`, name: `Member ${run}`, password: "member-password-1" };

test("an invited member sets a password, signs in, stays out of admin pages, and is signed out on removal, their share links with them", async ({ page, browser }) => {
  const inviteUrl = await inviteFromSettings(page, member, "member");
  expect(inviteUrl).toMatch(/^http:\/\/.+\/invite\/[A-Za-z0-9_-]{43}$/);
  const row = page.locator(`[data-testid="user-row"][data-email="${member.email}"]`);
  await expect(row).toContainText("Invited");

  const memberPage = await acceptInviteAndSignIn(browser, inviteUrl, member);
  const context = memberPage.context();

  for (const path of ["/settings/connections", "/settings/users", "/settings/activity"]) {
    await memberPage.goto(path);
    await expect(memberPage.getByTestId("admins-only")).toBeVisible();
    await expect(memberPage.getByTestId("connection-row")).toHaveCount(0);
    await expect(memberPage.getByTestId("user-row")).toHaveCount(0);
  }
  const connections = await memberPage.request.get("/api/connections");
  expect(connections.status()).toBe(403);
  expect(await connections.json()).toMatchObject({ error: { code: "forbidden" } });
  expect((await memberPage.request.get("/api/users")).status()).toBe(403);
  expect((await memberPage.request.get("/api/audit")).status()).toBe(403);
  expect((await memberPage.request.get("/api/watched")).status()).toBe(200);

  await memberPage.goto(inviteUrl);
  await expect(memberPage.getByTestId("invite-unusable")).toBeVisible();

  // A link the member made, open on a screen nobody signed in to.
  const shared = await memberPage.request.post("/api/share-links", { data: { provider: "migma", batchId: E2E.ids.migma.completed, name: "Member's screen" } });
  expect(shared.status()).toBe(201);
  const screen = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const wall = await screen.newPage();
  await wall.goto(((await shared.json()) as { url: string }).url);
  await expect(wall.getByTestId("wall-screen")).toBeVisible();

  await page.reload();
  await expect(row).not.toContainText("Invited");
  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(row).toHaveCount(0);
  expect((await memberPage.request.get("/api/watched")).status()).toBe(401);
  await expect(wall.getByTestId("share-link-dead")).toHaveAttribute("data-reason", "revoked", { timeout: 15_000 });
  await screen.close();
  await context.close();
});

test("a wrong invite token is refused by the page and the API", async ({ page, request }) => {
  const token = "A".repeat(43);
  await page.goto(`/invite/${token}`);
  await expect(page.getByTestId("invite-unusable")).toBeVisible();
  const answer = await request.post(`/api/invites/${token}`, { data: { password: "whatever-password" } });
  expect(answer.status()).toBe(404);
  expect(await answer.json()).toMatchObject({ error: { code: "not_found" } });
});
