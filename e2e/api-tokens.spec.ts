import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { createBoardViaApi, uniqueName } from "./support/boards";
import { E2E } from "./support/settings";

const run = Date.now().toString(36);

/** A script's HTTP client: the token and nothing else, no cookie of the admin's. */
async function scriptWith(token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: E2E.appUrl,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
}

async function createTokenInSettings(page: Page, name: string, role: "member" | "operator"): Promise<string> {
  await page.goto("/settings/tokens");
  const form = page.getByTestId("create-api-token-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption(role);
  await form.getByLabel("Expires").selectOption("30");
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("created-api-token");
  await expect(shown).toContainText(name);
  await shown.getByRole("button", { name: "Copy token" }).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByTestId("api-token-value").textContent());
  return copied;
}

test("an admin makes tokens in settings; a script adds a batch to a board and reads it; member tokens may not add; revoking refuses at once, and the log says so", async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E.appUrl });
  const operatorName = `CI deploy ${run}`;
  const operatorToken = await createTokenInSettings(page, operatorName, "operator");
  expect(operatorToken).toMatch(/^sb_[0-9A-Za-z]{43}$/);
  const row = page.getByTestId("api-token-row").filter({ hasText: operatorName });
  await expect(row.getByTestId("api-token-last4")).toHaveText(`sb_…${operatorToken.slice(-4)}`);
  await expect(row.getByTestId("api-token-last-used")).toHaveText("never");
  // Shown once: a reload lists the token by its last four only.
  await page.reload();
  await expect(page.getByTestId("api-token-row").filter({ hasText: operatorName })).toBeVisible();
  expect(await page.content()).not.toContain(operatorToken);

  const boardId = await createBoardViaApi(page.request, uniqueName("Token board"), []);
  const batchId = E2E.ids.migma.running;
  const script = await scriptWith(operatorToken);
  try {
    const added = await script.post(`/api/boards/${boardId}/batches`, { data: { provider: "migma", batchId, label: "From CI" } });
    expect(added.status(), await added.text()).toBe(201);
    await expect
      .poll(async () => {
        const read = await script.get(`/api/batches/migma/${batchId}`);
        return read.status() === 200 ? ((await read.json()) as { batchId: string }).batchId : read.status();
      }, { timeout: 20_000 })
      .toBe(batchId);
    const board = (await (await script.get(`/api/boards/${boardId}`)).json()) as { batches: { batchId: string }[] };
    expect(board.batches.map((batch) => batch.batchId)).toEqual([batchId]);
    // The README's third use: a connection's recent sends.
    await expect.poll(async () => (await script.get("/api/sends?connection=env-sendgrid")).status(), { timeout: 20_000 }).toBe(200);
    // Pages (a board, its wall) never take a token: they send a script to the sign-in page.
    for (const path of [`/boards/${boardId}`, `/boards/${boardId}/wall`]) {
      const answer = await script.get(path, { maxRedirects: 0 });
      expect(answer.status(), path).toBeGreaterThanOrEqual(300);
      expect(answer.headers().location ?? "", path).toContain("/signin");
    }
    // Nothing admin, even for an operator token.
    expect((await script.get("/api/users")).status()).toBe(403);
    expect((await script.get("/api/tokens")).status()).toBe(403);

    const memberName = `Reader ${run}`;
    const memberToken = await createTokenInSettings(page, memberName, "member");
    const reader = await scriptWith(memberToken);
    try {
      expect((await reader.get(`/api/boards/${boardId}`)).status()).toBe(200);
      const refused = await reader.post(`/api/boards/${boardId}/batches`, { data: { provider: "migma", batchId: E2E.ids.migma.completed } });
      expect(refused.status()).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
    } finally {
      await reader.dispose();
    }

    await page.reload();
    const operatorRow = page.getByTestId("api-token-row").filter({ hasText: operatorName });
    await expect(operatorRow.getByTestId("api-token-last-used")).not.toHaveText("never");
    await operatorRow.getByRole("button", { name: "Revoke" }).click();
    await operatorRow.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(operatorRow).toHaveAttribute("data-status", "revoked");
    const afterRevoke = await script.get(`/api/batches/migma/${batchId}`);
    expect(afterRevoke.status()).toBe(401);
    expect(await afterRevoke.json()).toMatchObject({ error: { code: "unauthorized" } });
  } finally {
    await script.dispose();
  }

  await page.goto("/settings/activity");
  const rows = page.getByTestId("activity-row");
  await expect(rows.filter({ hasText: `created the API token '${operatorName}'` })).toHaveAttribute("data-outcome", "ok");
  await expect(rows.filter({ hasText: `revoked the API token '${operatorName}'` })).toHaveAttribute("data-outcome", "ok");
  const revokedUse = rows.filter({ hasText: `used the API token '${operatorName}'` });
  await expect(revokedUse).toHaveAttribute("data-outcome", "refused");
  await expect(revokedUse).toContainText("revoked");
});
