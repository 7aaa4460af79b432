import { expect, test } from "@playwright/test";
import type { Browser } from "@playwright/test";
import { E2E } from "./support/settings";
import {
  FOUR_PROVIDERS,
  cardOf,
  createBoardViaApi,
  createShareLinkViaApi,
  processedOf,
  uniqueName,
} from "./support/boards";

/** A browser that has never signed in. */
async function freshContext(browser: Browser) {
  return browser.newContext({ baseURL: E2E.appUrl, storageState: { cookies: [], origins: [] } });
}

test("a share link opens without sign-in, shows the wall, and reaches nothing else", async ({
  browser,
  request,
}) => {
  const name = uniqueName("Shared");
  const id = await createBoardViaApi(request, name, FOUR_PROVIDERS);
  const otherId = await createBoardViaApi(request, uniqueName("Not shared"), [
    { provider: "migma", batchId: E2E.ids.migma.failed },
  ]);
  const link = await createShareLinkViaApi(request, id);
  expect(link.url).toMatch(new RegExp(`^${E2E.appUrl}/s/[A-Za-z0-9_-]{43}$`));
  expect(await (await request.get(`/api/boards/${id}/share-links`)).text()).not.toContain(
    link.token,
  );

  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(link.url);
  await expect(page.getByTestId("wall-screen")).toBeVisible();
  await expect(page.getByTestId("wall-title")).toHaveText(name);
  await expect(page.getByTestId("board-card")).toHaveCount(4);
  await expect(page.getByTestId("wall-clock")).toBeVisible();
  // Nothing to click: no header, no links to boards or batches, no add or remove.
  await expect(page.getByRole("link")).toHaveCount(0);
  await expect(page.getByRole("button")).toHaveCount(0);

  const api = context.request;
  for (const path of [
    "/api/boards",
    `/api/boards/${id}`,
    `/api/boards/${otherId}`,
    `/api/boards/${id}/share-links`,
    "/api/connections",
    "/api/watched",
  ]) {
    expect((await api.get(path)).status(), path).toBe(401);
  }
  expect((await api.post("/api/boards", { data: { name: "x", batches: [] } })).status()).toBe(401);
  expect((await api.delete(`/api/share-links/${link.id}`)).status()).toBe(401);

  const shared = await api.get(`/api/share/${link.token}`);
  expect(shared.status()).toBe(200);
  expect(shared.headers()["cache-control"]).toContain("no-store");
  expect(shared.headers()["referrer-policy"]).toBe("no-referrer");
  const body = await shared.text();
  expect(body).toContain(name);
  expect(body).not.toContain(otherId);
  for (const key of Object.values(E2E.keys)) expect(body).not.toContain(key);
  expect((await api.get(`/api/share/${"A".repeat(43)}`)).status()).toBe(404);

  for (const path of [
    "/",
    `/boards/${otherId}`,
    `/boards/${otherId}/wall`,
    `/boards/${id}`,
    "/boards",
    "/settings/connections",
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/signin/);
  }
  await page.goto(`/s/${"A".repeat(43)}`);
  await expect(page.getByTestId("share-link-dead")).toHaveAttribute("data-reason", "missing");

  const [listed] = (await (await request.get(`/api/boards/${id}/share-links`)).json())
    .items as Array<{ viewCount: number; lastUsedAt: string | null }>;
  expect(listed?.viewCount).toBe(1);
  expect(listed?.lastUsedAt).not.toBeNull();
  await context.close();
});

// Needs GET /api/batches/{provider}/{batchId}?share={token} (wired in the batch route by authorizeShareBatch).
test("a share link shows live numbers, and its token reaches no other batch", async ({
  browser,
  request,
}) => {
  const id = await createBoardViaApi(request, uniqueName("Shared live"), FOUR_PROVIDERS);
  const link = await createShareLinkViaApi(request, id);
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(link.url);

  const migma = cardOf(page, "migma", E2E.ids.migma.running);
  await expect(migma).toHaveAttribute("data-state", "running", { timeout: 15_000 });
  const before = await processedOf(migma);
  await expect.poll(() => processedOf(migma), { timeout: 20_000 }).toBeGreaterThan(before);
  await expect(cardOf(page, "sendgrid", E2E.ids.sendgrid.scheduled)).toHaveAttribute(
    "data-state",
    "scheduled",
  );

  const api = context.request;
  const inScope = await api.get(`/api/batches/migma/${E2E.ids.migma.running}?share=${link.token}`);
  expect(inScope.status()).toBe(200);
  const outOfScope = await api.get(
    `/api/batches/migma/${E2E.ids.migma.completed}?share=${link.token}`,
  );
  expect(outOfScope.status()).toBe(403);
  const wrongConnection = await api.get(
    `/api/batches/migma/${E2E.ids.migma.running}?share=${link.token}&connection=someone-else`,
  );
  expect(wrongConnection.status()).toBe(403);
  await context.close();
});

test("revoking a link turns the open screen to 'link revoked' without a reload", async ({
  browser,
  request,
}) => {
  const id = await createBoardViaApi(request, uniqueName("Revoked"), FOUR_PROVIDERS);
  const link = await createShareLinkViaApi(request, id);
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(link.url);
  await expect(page.getByTestId("board-card")).toHaveCount(4);
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  expect((await request.delete(`/api/share-links/${link.id}`)).status()).toBe(204);
  const dead = page.getByTestId("share-link-dead");
  await expect(dead).toHaveAttribute("data-reason", "revoked", { timeout: 15_000 });
  await expect(dead).toContainText("This link was revoked");
  await expect(page.getByTestId("board-card")).toHaveCount(0);
  expect(await page.evaluate(() => "__sameDocument" in window)).toBe(true);

  const answer = await context.request.get(`/api/share/${link.token}`);
  expect(answer.status()).toBe(410);
  expect(await answer.json()).toMatchObject({ error: { code: "share_link_revoked" } });
  await page.reload();
  await expect(dead).toHaveAttribute("data-reason", "revoked");
  await context.close();
});

test("links are created, listed and revoked from the board page", async ({ page, request }) => {
  const id = await createBoardViaApi(request, uniqueName("Links UI"), [
    { provider: "migma", batchId: E2E.ids.migma.completed },
  ]);
  await page.goto(`/boards/${id}`);
  const panel = page.getByTestId("share-links-panel");
  await panel.getByLabel("Works for").selectOption({ label: "1 day" });
  await panel.getByRole("button", { name: "Create link" }).click();
  await expect(panel.getByTestId("share-link-url")).toHaveValue(
    new RegExp(`/s/[A-Za-z0-9_-]{43}$`),
  );
  const row = panel.getByTestId("share-link-row");
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-status", "active");
  await expect(row.getByTestId("share-link-views")).toHaveAttribute("data-value", "0");
  await row.getByTestId("revoke-share-link").click();
  await expect(row).toHaveAttribute("data-status", "revoked");
  await expect(page.getByTestId("open-wall")).toHaveAttribute("href", `/boards/${id}/wall`);
});

test("an expired link says so on an open screen", async ({ browser, request }) => {
  const id = await createBoardViaApi(request, uniqueName("Expiring"), [
    { provider: "migma", batchId: E2E.ids.migma.completed },
  ]);
  const link = await createShareLinkViaApi(request, id, { expiresInHours: 1 });
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(link.url);
  await expect(page.getByTestId("wall-screen")).toBeVisible();
  await page.clock.fastForward("01:00:05");
  await expect(page.getByTestId("share-link-dead")).toHaveAttribute("data-reason", "expired");
  await expect(page.getByTestId("share-link-dead")).toContainText(/expired/i);
  await context.close();
});

test("a batch is shared from its page under a name, listed team-wide, and revoked from that list", async ({ page, browser }) => {
  const name = uniqueName("Lobby TV");
  await page.goto(`/batches/bolna/${E2E.ids.bolna.completed}`);
  await page.getByTestId("share-batch-open").click();
  const panel = page.getByTestId("share-batch");
  await panel.getByLabel("Name").fill(name);
  await panel.getByRole("button", { name: "Create link" }).click();
  const url = await panel.getByTestId("share-link-url").inputValue();
  expect(url).toMatch(new RegExp(`^${E2E.appUrl}/s/[A-Za-z0-9_-]{43}$`));

  const context = await freshContext(browser);
  const shared = await context.newPage();
  await shared.goto(url);
  await expect(cardOf(shared, "bolna", E2E.ids.bolna.completed)).toBeVisible();

  await page.goto("/settings/share-links");
  const row = page.getByTestId("team-share-link-row").filter({ hasText: name });
  await expect(row).toHaveAttribute("data-kind", "batch");
  await expect(row).toContainText(E2E.ids.bolna.completed);
  await expect(row.getByTestId("share-link-creator")).toContainText("Admin");
  await expect(row.getByTestId("share-link-last-used")).not.toHaveText("—");
  await row.getByTestId("revoke-share-link").click();
  await expect(row).toHaveCount(0);
  await expect(shared.getByTestId("share-link-dead")).toHaveAttribute("data-reason", "revoked", { timeout: 15_000 });
  await context.close();
});
