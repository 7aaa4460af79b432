import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a page redirects to the sign-in page and comes back after signing in", async ({ page }) => {
    const batchPath = `/batches/migma/${E2E.ids.migma.completed}`;
    await page.goto(batchPath);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(E2E.admin.email);
    await page.getByLabel("Password").fill(E2E.admin.password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(`${E2E.appUrl}${batchPath}`);
    await expect(page.getByTestId("batch-state")).toHaveText(/completed/i);
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(E2E.admin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page.getByTestId("signin-error")).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("the API answers 401 with a JSON error body", async ({ request }) => {
    for (const path of [`/api/batches/migma/${E2E.ids.migma.running}`, "/api/watched"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });
});

test("signing out ends the session", async ({ browser }) => {
  // A context of its own, so signing out does not end the session the other tests share.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/`);
  await page.getByRole("button", { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/watched")).status()).toBe(401);
  await context.close();
});
