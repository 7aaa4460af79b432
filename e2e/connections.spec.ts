import { expect, test } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";
import { E2E } from "./support/settings";

const WRONG_KEY = "sk_test_not_the_sendboard_key";
const SECRETS = [...Object.values(E2E.keys), WRONG_KEY];
const run = Date.now().toString(36);

function recordResponses(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => bodies.push(response.text().catch(() => "")));
  return bodies;
}

async function addConnection(page: Page, name: string, apiKey: string): Promise<Locator> {
  const form = page.getByTestId("add-connection-form");
  await form.getByLabel("Provider").selectOption("migma");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("API key").fill(apiKey);
  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByTestId("connection-saved")).toContainText(name);
  await expect(form.getByLabel("API key")).toHaveValue("");
  return page.getByTestId("connection-row").filter({ hasText: name });
}

async function testRow(row: Locator, ok: boolean, wording: RegExp) {
  await row.getByRole("button", { name: "Test" }).click();
  const result = row.getByTestId("connection-test-result");
  await expect(result).toHaveAttribute("data-ok", String(ok));
  await expect(result).toContainText(wording);
}

test("an admin adds and tests connections against the simulator and never gets a key back", async ({ page }) => {
  const bodies = recordResponses(page);
  await page.goto("/settings/connections");

  const good = await addConnection(page, `Simulator ${run}`, E2E.keys.migma);
  await expect(good.getByTestId("connection-key")).toHaveText(`…${E2E.keys.migma.slice(-4)}`);
  await testRow(good, true, /the key works/i);

  const wrong = await addConnection(page, `Wrong key ${run}`, WRONG_KEY);
  await expect(wrong.getByTestId("connection-key")).toHaveText(`…${WRONG_KEY.slice(-4)}`);
  await testRow(wrong, false, /does not work.*rejected/i);

  // Rotating is "replace", never "view": the edit form starts with an empty key field.
  await wrong.getByRole("button", { name: "Edit" }).click();
  const edit = wrong.getByTestId("connection-edit-form");
  await expect(edit.getByLabel("Replace key")).toHaveValue("");
  await edit.getByLabel("Name").fill(`Replaced ${run}`);
  await edit.getByLabel("Replace key").fill(E2E.keys.migma);
  await edit.getByRole("button", { name: "Save changes" }).click();
  const replaced = page.getByTestId("connection-row").filter({ hasText: `Replaced ${run}` });
  await testRow(replaced, true, /the key works/i);

  const fromEnv = page.locator('[data-testid="connection-row"][data-connection-id="env-migma"]');
  await expect(fromEnv).toContainText(/read-only/i);
  await expect(fromEnv.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(fromEnv.getByRole("button", { name: "Remove" })).toHaveCount(0);

  const source = await (await page.request.get("/settings/connections")).text();
  const api = await (await page.request.get("/api/connections")).text();
  const seen = [source, api, await page.content(), ...(await Promise.all(bodies))];
  expect(seen.length).toBeGreaterThan(8);
  for (const secret of SECRETS) {
    expect(seen.some((text) => text.includes(secret)), `a key of length ${secret.length} leaked`).toBe(false);
  }

  for (const row of [good, replaced]) {
    await row.getByRole("button", { name: "Remove" }).click();
    await row.getByRole("button", { name: "Yes, remove" }).click();
    await expect(row).toHaveCount(0);
  }
});

test("the API keeps environment connections read-only, refuses URLs and tests SendGrid EU", async ({ request }) => {
  expect((await request.patch("/api/connections/env-migma", { data: { name: "Mine now" } })).status()).toBe(409);
  expect((await request.delete("/api/connections/env-migma")).status()).toBe(409);
  const withUrl = await request.post("/api/connections", {
    data: { provider: "migma", name: "Elsewhere", apiKey: E2E.keys.migma, baseUrl: "http://127.0.0.1:9/" },
  });
  expect(withUrl.status()).toBe(400);

  const created = await request.post("/api/connections", {
    data: { provider: "sendgrid", name: `SendGrid EU ${run}`, apiKey: E2E.keys.sendgrid, region: "eu" },
  });
  expect(created.status()).toBe(201);
  const connection = (await created.json()) as { id: string; region: string; keyLastFour: string };
  expect(connection).toMatchObject({ region: "eu", keyLastFour: `…${E2E.keys.sendgrid.slice(-4)}` });
  const tested = await request.post(`/api/connections/${connection.id}/test`);
  expect(await tested.json()).toMatchObject({ ok: true });
  expect((await request.delete(`/api/connections/${connection.id}`)).status()).toBe(204);
  for (const text of [await created.text(), await tested.text()]) {
    for (const secret of SECRETS) expect(text.includes(secret)).toBe(false);
  }
});
