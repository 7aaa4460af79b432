import { expect, test as setup } from "@playwright/test";
import { E2E } from "./support/settings";

setup("sign in as the admin once for the other tests", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/`);
  await page.context().storageState({ path: E2E.storageState });
});
