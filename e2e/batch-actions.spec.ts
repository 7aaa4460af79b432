import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { acceptInviteAndSignIn, inviteFromSettings } from "./support/people";

const run = Date.now().toString(36);
// Fresh simulator batches of this run only: SendGrid's sends 60 min after it is first seen, Bolna's dials at once.
const sendGridId = `sim-fresh-act${run}-in60m`;
const bolnaId = `c0ffee${Date.now().toString(16).padStart(26, "0").slice(-26)}`;
const member = { email: `member-${run}@e2e.test`, name: `Member ${run}`, password: "member-password-1" };

async function confirm(page: Page, action: string, button: RegExp, typedName?: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId("action-confirm");
  if (typedName) {
    await expect(dialog.getByRole("button", { name: button })).toBeDisabled();
    await dialog.getByRole("textbox").fill(typedName);
  }
  await dialog.getByRole("button", { name: button }).click();
  await expect(dialog).toHaveCount(0);
}

test("an admin pauses and resumes a SendGrid batch and stops a Bolna one; a member sees no buttons and gets 403; Activity lists every attempt", async ({
  page,
  browser,
}) => {
  // The send time the simulator uses, given when the batch is put on a board (not the watched
  // list, which other specs read whole).
  const sendAt = new Date(Date.now() + 60 * 60_000).toISOString();
  const board = await page.request.post("/api/boards", { data: { name: `Actions ${run}`, batches: [{ provider: "sendgrid", batchId: sendGridId, sendAt }] } });
  expect(board.status(), await board.text()).toBe(201);

  await page.goto(`/batches/sendgrid/${sendGridId}`);
  const state = page.getByTestId("batch-heading").getByTestId("batch-state");
  await expect(state).toHaveAttribute("data-state", "scheduled");
  await expect(page.getByTestId("pause-deadline")).toContainText(/Can be paused or cancelled until .+ \(10 minutes before the send time\)/);
  await expect(page.getByTestId("pause-expiry")).toContainText("Paused batches expire 72 h after the send time");

  await page.getByTestId("action-pause").click();
  await expect(page.getByTestId("action-confirm")).toContainText(`Pause “${sendGridId}”?`);
  await page.getByTestId("action-confirm").getByRole("button", { name: "Keep it as it is" }).click();
  await confirm(page, "pause", /Yes, pause/);
  await expect(state).toHaveAttribute("data-state", "paused");
  await confirm(page, "resume", /Yes, resume/);
  await expect(state).toHaveAttribute("data-state", "scheduled");

  await page.goto(`/batches/bolna/${bolnaId}`);
  const bolnaState = page.getByTestId("batch-heading").getByTestId("batch-state");
  // Queued (waiting to dial) or running: either can be stopped.
  await expect(bolnaState).toHaveAttribute("data-state", /^(queued|running)$/);
  await page.getByTestId("action-stop").click();
  await expect(page.getByTestId("action-confirm")).toContainText("not yet made will be discarded");
  await page.getByTestId("action-confirm").getByRole("button", { name: "Keep it as it is" }).click();
  const bolnaName = (await page.getByTestId("batch-name").textContent())?.trim() ?? "";
  await confirm(page, "stop", /Yes, stop/, bolnaName);
  await expect(bolnaState).toHaveAttribute("data-state", "cancelled");

  const inviteUrl = await inviteFromSettings(page, member, "member");
  const memberPage = await acceptInviteAndSignIn(browser, inviteUrl, member);
  await memberPage.goto(`/batches/sendgrid/${sendGridId}`);
  await expect(memberPage.getByTestId("send-time-rules")).toBeVisible();
  await expect(memberPage.getByTestId("batch-actions").getByRole("button", { name: /Pause|Cancel send|Resume/ })).toHaveCount(0);
  const refused = await memberPage.request.post(`/api/batches/sendgrid/${sendGridId}/actions`, { data: { action: "pause" } });
  expect(refused.status()).toBe(403);
  await memberPage.context().close();

  await page.goto("/settings/activity");
  const row = (text: string) => page.getByTestId("activity-row").filter({ hasText: text });
  await expect(row(`Admin paused '${sendGridId}' (SendGrid)`)).toHaveAttribute("data-outcome", "ok");
  await expect(row(`Admin resumed '${sendGridId}' (SendGrid)`)).toHaveAttribute("data-outcome", "ok");
  await expect(row(`stopped '${bolnaId}' (Bolna)`).first()).toHaveAttribute("data-outcome", "ok");
  await expect(row(`${member.name} paused '${sendGridId}' (SendGrid)`)).toHaveAttribute("data-outcome", "refused");
});
