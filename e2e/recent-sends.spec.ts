import { expect, test } from "@playwright/test";
import { BOLNA_AGENTS } from "../sim/providers/bolna-catalogue";
import { createBoardViaApi, uniqueName } from "./support/boards";
import { E2E } from "./support/settings";

test("a send picked from the connection's recent sends is watched, and Migma falls back to the paste box", async ({ page, request }) => {
  await page.goto("/");
  const picker = page.getByTestId("recent-sends");
  await picker.getByLabel("Connection").selectOption("env-mindo");
  await picker.getByLabel("Search recent sends").fill("abandoned_cart");
  const send = picker.getByTestId("recent-send").filter({ hasText: "abandoned_cart" });
  await expect(send).toHaveCount(1);
  await expect(picker.getByTestId("recent-send")).toHaveCount(1);
  await expect(send.getByTestId("batch-state")).toBeVisible();
  const batchId = (await send.getAttribute("data-batch-id"))!;

  await send.getByRole("button", { name: "Watch abandoned_cart" }).click();
  await expect(page.locator(`[data-testid="watched-row"][data-provider="mindo"][data-batch-id="${batchId}"]`)).toBeVisible();
  await expect(send.getByRole("button", { name: "Watching abandoned_cart" })).toBeDisabled();

  await picker.getByLabel("Connection").selectOption("env-migma");
  await expect(picker.getByTestId("recent-sends-note")).toContainText("paste the batch id");
  await expect(page.getByTestId("add-batch-form").getByLabel(/batch id/i)).toBeVisible();

  // The watched list is the whole run's: leave it as it was.
  const watched = (await (await request.get("/api/watched")).json()) as { items: { id: string; batchId: string }[] };
  for (const item of watched.items.filter((each) => each.batchId === batchId)) await request.delete(`/api/watched/${item.id}`);
});

test("a board following a connection picks up a new send by itself", async ({ page, request }) => {
  const boardId = await createBoardViaApi(request, uniqueName("Follows"), []);
  await page.goto(`/boards/${boardId}`);
  const panel = page.getByTestId("auto-watch-panel");
  const form = panel.getByTestId("auto-watch-form");
  await form.getByLabel("Connection").selectOption("env-bolna");
  await form.getByLabel(/Agent id/).fill(BOLNA_AGENTS.tests.id);
  await form.getByRole("button", { name: "Follow this connection" }).click();
  await expect(panel.getByTestId("auto-watch-rule")).toContainText("Follows Bolna");

  // A new call batch starts at the provider: nobody adds it to the board.
  const fresh = `c0ffee${Date.now().toString(16).padStart(26, "0").slice(-26)}`;
  const started = await request.get(`${E2E.simUrl}/batches/${fresh}`, { headers: { Authorization: `Bearer ${E2E.keys.bolna}` } });
  expect(started.status()).toBe(200);
  await expect(page.locator(`[data-testid="board-card"][data-batch-id="${fresh}"]`)).toBeVisible({ timeout: 75_000 });

  const activity = await request.get("/api/audit");
  expect(await activity.text()).toContain("auto_watch.add_send");
  await panel.getByRole("button", { name: "Stop following" }).click();
  await expect(panel.getByTestId("auto-watch-rule")).toHaveCount(0);
});
