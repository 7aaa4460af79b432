import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { everyPage } from "./support/pages";
import { E2E } from "./support/settings";

const PHONE = { width: 360, height: 740 };

async function sidewaysScroll(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

test("every page fits a 360 px phone without scrolling sideways and passes axe-core", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const signedOut = await browser.newContext({
    baseURL: E2E.appUrl,
    storageState: { cookies: [], origins: [] },
    viewport: PHONE,
  });
  await page.setViewportSize(PHONE);
  try {
    for (const target of await everyPage(request)) {
      const tab = target.signedOut ? await signedOut.newPage() : page;
      await tab.goto(target.path);
      await expect(tab.locator(target.ready).first(), target.name).toBeVisible({ timeout: 15_000 });
      const { scrollWidth, clientWidth } = await sidewaysScroll(tab);
      expect(scrollWidth, `${target.name} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
      const { violations } = await new AxeBuilder({ page: tab }).analyze();
      const serious = violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map(
          (violation) =>
            `${violation.id}: ${violation.nodes
              .slice(0, 3)
              .map((node) => `${node.target.join(" ")} ${node.failureSummary ?? ""}`)
              .join(", ")}`,
        );
      expect(serious, `${target.name} (${target.path})`).toEqual([]);
      if (tab !== page) await tab.close();
    }
  } finally {
    await signedOut.close();
  }
});

test("on a phone the header's links and Sign out sit behind a menu that closes on navigation", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const signOut = page.getByTestId("sign-out");
  await expect(signOut).toBeHidden();
  const menu = page.getByTestId("header-menu-button");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(signOut).toBeVisible();
  const box = await signOut.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Boards" })
    .click();
  await expect(page).toHaveURL(/\/boards$/);
  await expect(signOut).toBeHidden();
  expect((await sidewaysScroll(page)).scrollWidth).toBeLessThanOrEqual(390);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(signOut).toBeVisible();
});
