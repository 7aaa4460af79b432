import { expect } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { E2E } from "./settings";

export type Invitee = { email: string; name: string; password: string };

/** Invites someone from Settings → People as the signed-in admin; the one-time link it shows. */
export async function inviteFromSettings(
  page: Page,
  person: Invitee,
  role: string,
): Promise<string> {
  await page.goto("/settings/users");
  const form = page.getByTestId("invite-user-form");
  await form.getByLabel("Email").fill(person.email);
  await form.getByLabel("Name").fill(person.name);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create invite link" }).click();
  return (await page.getByTestId("invite-url").textContent()) ?? "";
}

/** In a fresh browser (nothing of the admin's session): sets the password through the link, then signs in. */
export async function acceptInviteAndSignIn(
  browser: Browser,
  inviteUrl: string,
  person: Invitee,
): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByLabel("New password").fill(person.password);
  await page.getByLabel("Repeat the password").fill(person.password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/`);
  return page;
}
