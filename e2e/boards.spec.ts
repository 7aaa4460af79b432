import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";
import {
  FOUR_PROVIDERS,
  cardOf,
  createBoardViaApi,
  processedOf,
  uniqueName,
} from "./support/boards";

test("a board with batches of all four providers goes live", async ({ page, request }) => {
  const name = uniqueName("All providers");
  const id = await createBoardViaApi(request, name, FOUR_PROVIDERS);
  await page.goto(`/boards/${id}`);
  await expect(page.getByTestId("board-title")).toHaveText(name);
  await expect(page.getByTestId("board-card")).toHaveCount(4);
  for (const batch of FOUR_PROVIDERS) {
    await expect(cardOf(page, batch.provider, batch.batchId)).toContainText(
      batch.label ?? batch.batchId,
    );
  }
  for (const batch of FOUR_PROVIDERS.slice(0, 3)) {
    await expect(cardOf(page, batch.provider, batch.batchId)).toHaveAttribute(
      "data-state",
      "running",
      { timeout: 15_000 },
    );
  }
  await expect(cardOf(page, "sendgrid", E2E.ids.sendgrid.scheduled)).toHaveAttribute(
    "data-state",
    "scheduled",
  );
  await expect(page.getByTestId("summary-running")).toHaveAttribute("data-value", "3");
  await expect(page.getByTestId("summary-waiting")).toHaveAttribute("data-value", "1");

  const migma = cardOf(page, "migma", E2E.ids.migma.running);
  await expect(migma.getByTestId("status-strip")).toBeVisible();
  const before = await processedOf(migma);
  await expect.poll(() => processedOf(migma), { timeout: 20_000 }).toBeGreaterThan(before);
  // Emails, WhatsApp messages and calls each have their own figure; never one sum of all three.
  const emails = Number(await page.getByTestId("summary-emails-processed").getAttribute("data-value"));
  expect(emails).toBeGreaterThanOrEqual(before);
  await expect(page.getByTestId("summary-messages-processed")).toBeVisible();
  await expect(page.getByTestId("summary-calls-processed")).toBeVisible();
  await expect(page.getByTestId("summary-processed")).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Batches" })).toContainText("Failed");
});

test("a board card opens its batch page through the board batch's connection", async ({
  page,
  request,
}) => {
  const id = await createBoardViaApi(request, uniqueName("Links"), [
    { provider: "mindo", batchId: E2E.ids.mindo.completed },
  ]);
  const board = (await (await request.get(`/api/boards/${id}`)).json()) as {
    batches: { connectionId: string }[];
  };
  const connectionId = board.batches[0]?.connectionId ?? "";
  expect(connectionId).not.toBe("");
  await page.goto(`/boards/${id}`);
  const link = cardOf(page, "mindo", E2E.ids.mindo.completed).getByRole("link");
  const query = new URLSearchParams({ connection: connectionId });
  await expect(link).toHaveAttribute("href", `/batches/mindo/${E2E.ids.mindo.completed}?${query}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`\\?${query}$`));
  await expect(page.getByTestId("batch-state")).toHaveText(/completed/i);
});

test("batches are added, reordered and removed on the board page, and it sticks", async ({
  page,
  request,
}) => {
  const id = await createBoardViaApi(request, uniqueName("Edit"), [
    { provider: "migma", batchId: E2E.ids.migma.completed },
  ]);
  await page.goto(`/boards/${id}`);
  const form = page.getByTestId("add-board-batch-form");

  await form.getByLabel("Provider").selectOption("mindo");
  await form.getByLabel("Batch id").fill("not-a-uuid");
  await form.getByRole("button", { name: "Add to board" }).click();
  await expect(form.getByTestId("batch-id-error")).toContainText(/UUID/);

  await form.getByLabel("Batch id").fill(E2E.ids.mindo.completed);
  await form.getByLabel(/Label/).fill("Wrap-up");
  await form.getByRole("button", { name: "Add to board" }).click();
  const cards = page.getByTestId("board-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toHaveAttribute("data-provider", "mindo");

  await page.getByRole("button", { name: "Move Wrap-up up" }).click();
  await expect(cards.first()).toHaveAttribute("data-provider", "mindo");
  await page.reload();
  await expect(cards.first()).toHaveAttribute("data-provider", "mindo");

  // Unlabelled, the batch goes by what its provider calls it (Migma: the subject).
  await cardOf(page, "migma", E2E.ids.migma.completed).getByRole("button", { name: /^Remove / }).click();
  await expect(cards).toHaveCount(1);
  await page.reload();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Wrap-up");
});

test("a batch page puts its batch on a board, where it goes by its name", async ({ page, request }) => {
  const name = uniqueName("From batch page");
  const id = await createBoardViaApi(request, name, []);
  await request.put(`/api/batches/bolna/${E2E.ids.bolna.completed}/label`, { data: { label: null } });
  await page.goto(`/batches/bolna/${E2E.ids.bolna.completed}`);
  await page.getByTestId("add-to-board-open").click();
  const form = page.getByTestId("add-to-board");
  await form.getByLabel("Board").selectOption({ label: name });
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("add-to-board-done")).toContainText(name);
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("add-to-board-error")).toContainText(/already/i);

  await page.goto(`/boards/${id}`);
  const card = cardOf(page, "bolna", E2E.ids.bolna.completed);
  await expect(card).toHaveAttribute("data-state", "completed");
  // Bolna's name for a batch is the file its contacts came from.
  await expect(card.getByTestId("batch-name")).toHaveText("winter-sale-callbacks.csv");
});

test("boards are created from the list, renamed and deleted", async ({ page }) => {
  const name = uniqueName("Created in the UI");
  await page.goto("/boards");
  await page.getByTestId("create-board-form").getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create board" }).click();
  await expect(page).toHaveURL(/\/boards\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("board-title")).toHaveText(name);
  await expect(page.getByTestId("board-empty")).toBeVisible();

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Board name").fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("rename-board-error")).toContainText(/spaces/);
  await page.getByLabel("Board name").fill(`${name} renamed`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("board-title")).toHaveText(`${name} renamed`);

  await page.goto("/boards");
  await expect(page.getByTestId("board-row").filter({ hasText: `${name} renamed` })).toHaveCount(1);
  await page
    .getByTestId("board-row")
    .filter({ hasText: `${name} renamed` })
    .getByRole("link")
    .click();
  await page.getByTestId("delete-board").click();
  await page.getByTestId("confirm-delete-board").click();
  await expect(page).toHaveURL(/\/boards$/);
  await expect(page.getByTestId("board-row").filter({ hasText: `${name} renamed` })).toHaveCount(0);
});

test("the boards index shows each board's batches by state, as Sendboard last saw them", async ({
  page,
  request,
}) => {
  const name = uniqueName("States");
  const id = await createBoardViaApi(request, name, [
    { provider: "migma", batchId: E2E.ids.migma.completed },
    { provider: "migma", batchId: E2E.ids.migma.failed },
    { provider: "mindo", batchId: E2E.ids.mindo.running },
  ]);
  const states = page.locator(`[data-testid="board-row"][data-board-id="${id}"]`).getByTestId("board-states");
  const count = (state: string) => states.locator(`[data-state="${state}"]`);
  await page.goto("/boards");
  await expect(states).toBeVisible();
  await page.goto(`/boards/${id}`);
  await expect(cardOf(page, "migma", E2E.ids.migma.failed)).toHaveAttribute("data-state", "failed");
  await expect(cardOf(page, "mindo", E2E.ids.mindo.running)).toHaveAttribute("data-state", "running");
  await page.goto("/boards");
  await expect(count("done")).toHaveAttribute("data-value", "1");
  await expect(count("failed")).toHaveAttribute("data-value", "1");
  await expect(count("running")).toHaveAttribute("data-value", "1");
  await expect(count("unseen")).toHaveCount(0);
});

test("the boards API validates everything and creates nothing on a bad request", async ({
  request,
}) => {
  const name = uniqueName("Half valid");
  const bad = await request.post("/api/boards", {
    data: {
      name,
      batches: [
        { provider: "migma", batchId: E2E.ids.migma.running },
        { provider: "mindo", batchId: "nope" },
      ],
    },
  });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "invalid_batch_id" } });
  const list = await (await request.get("/api/boards")).json();
  expect(JSON.stringify(list)).not.toContain(name);

  expect((await request.post("/api/boards", { data: { name: "", batches: [] } })).status()).toBe(
    400,
  );
  expect((await request.get("/api/boards/00000000-0000-4000-8000-00000000abcd")).status()).toBe(
    404,
  );
  expect((await request.get("/api/boards/not-an-id")).status()).toBe(404);

  const id = await createBoardViaApi(request, uniqueName("Short-lived"), []);
  const order = await request.put(`/api/boards/${id}/batches/order`, { data: { ids: ["x"] } });
  expect(order.status()).toBe(400);
  expect((await request.delete(`/api/boards/${id}`)).status()).toBe(204);
  expect((await request.get(`/api/boards/${id}`)).status()).toBe(404);
});
