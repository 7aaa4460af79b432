import { expect, test } from "@playwright/test";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { E2E } from "./support/settings";

// A connection of this run's own, so a live hook (which stretches its batches' own polls and
// quickens the viewers' pace for a few minutes) touches no other spec's batches.
const run = Date.now().toString(36);
const batchId = `c0ffee${(Date.now() + 7).toString(16).padStart(26, "0").slice(-26)}`;

async function addBolnaConnection(page: Page, name: string): Promise<Locator> {
  const form = page.getByTestId("add-connection-form");
  await form.getByLabel("Provider").selectOption("bolna");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("API key").fill(E2E.keys.bolna);
  await form.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByTestId("connection-saved")).toContainText(name);
  return page.getByTestId("connection-row").filter({ hasText: name });
}

async function hookUrlOf(row: Locator, button: RegExp): Promise<string> {
  const hook = row.getByTestId("bolna-hook");
  const shown = hook.getByTestId("bolna-hook-url");
  const before = (await shown.count()) > 0 ? await shown.textContent() : null;
  await hook.getByRole("button", { name: button }).click();
  await expect(shown).toHaveText(/\/api\/hooks\/bolna\/[A-Za-z0-9_-]{43}$/);
  if (before) await expect(shown).not.toHaveText(before);
  return (await shown.textContent())!.trim();
}

// As Bolna posts it: the execution object, no cookie, no Origin.
function execution(id: string, status: string) {
  return {
    id,
    agent_id: "8b3e4f50-6c7d-4e8f-a091-b2c3d4e5f607",
    batch_id: batchId,
    status,
    conversation_duration: 0,
    telephony_data: { to_number: "+15550100001", from_number: "+19876543007", hangup_reason: null },
    batch_run_details: { status, retried: 0 },
  };
}

async function post(machine: APIRequestContext, url: string, body: object) {
  const response = await machine.post(url, { data: body });
  return { status: response.status(), json: (await response.json()) as unknown };
}

test("an admin makes a Bolna hook URL; an execution event shows on the open batch page at once, a replay counts once, a rotated URL is refused", async ({ page, browser, playwright }) => {
  test.setTimeout(90_000);
  const machine = await playwright.request.newContext();
  await page.goto("/settings/connections");
  const row = await addBolnaConnection(page, `Bolna hook ${run}`);
  const connectionId = (await row.getAttribute("data-connection-id"))!;
  const url = await hookUrlOf(row, /create hook url/i);
  await expect(row.getByTestId("bolna-hook-last-event")).toHaveText("none yet");

  // The batch page open in another tab, as a viewer would have it.
  const viewer = await browser.newPage();
  await viewer.goto(`/batches/bolna/${batchId}?connection=${connectionId}`);
  const state = viewer.getByTestId("batch-heading").getByTestId("batch-state");
  await expect(state).toHaveAttribute("data-state", /^(queued|running)$/);

  // The first call rings: the hook is live, so the scheduler's own polls of the batch slow to one in 10 s.
  // The open page learns the quicker pace at its next read (a queued batch's: within 10 s).
  const quickened = viewer.waitForResponse(
    async (response) =>
      response.url().includes(`/api/batches/bolna/${batchId}`) && response.status() === 200 && ((await response.json()) as { polling?: { viewerPaceMs?: number } }).polling?.viewerPaceMs === 1_000,
    { timeout: 15_000 },
  );
  expect(await post(machine, url, execution("e2e-call-1", "ringing"))).toEqual({ status: 200, json: { received: "new" } });
  await quickened;

  // Bolna stops the batch (here: the simulator, told directly) and posts the calls' new status.
  const stopped = await machine.post(`${E2E.simUrl}/batches/${batchId}/stop`, { headers: { Authorization: `Bearer ${E2E.keys.bolna}` } });
  expect(stopped.status()).toBe(200);
  const sentAt = Date.now();
  expect(await post(machine, url, execution("e2e-call-1", "stopped"))).toEqual({ status: 200, json: { received: "new" } });
  // Well inside the 10 s the scheduler's own poll would take: the event asked for it.
  await expect(state).toHaveAttribute("data-state", "cancelled", { timeout: 3_000 });
  test.info().annotations.push({ type: "freshness", description: `webhook to page: ${Date.now() - sentAt} ms` });

  // Bolna retries: the same (execution, status) again is acknowledged and counts once.
  expect(await post(machine, url, execution("e2e-call-1", "stopped"))).toEqual({ status: 200, json: { received: "duplicate" } });
  await page.reload();
  const reloaded = page.getByTestId("connection-row").filter({ hasText: `Bolna hook ${run}` }).getByTestId("bolna-hook");
  await expect(reloaded.getByTestId("bolna-hook-events")).toHaveText("2");
  await expect(reloaded.getByTestId("bolna-hook-last-event")).not.toHaveText("none yet");
  await expect(reloaded.getByTestId("bolna-hook-live")).toContainText("live");
  await expect(reloaded.getByTestId("bolna-hook-url")).toHaveCount(0);

  // An allowlist of Bolna's documented address refuses this machine's loopback address.
  await reloaded.getByTestId("bolna-hook-allowlist").fill("13.203.39.153");
  await reloaded.getByRole("button", { name: "Save allowlist" }).click();
  await expect(reloaded.getByTestId("bolna-hook-allowlist")).toHaveValue("13.203.39.153");
  await expect.poll(async () => (await post(machine, url, execution("e2e-call-2", "ringing"))).status).toBe(403);
  await reloaded.getByTestId("bolna-hook-allowlist").fill("");
  await reloaded.getByRole("button", { name: "Save allowlist" }).click();
  await expect.poll(async () => (await post(machine, url, execution("e2e-call-2", "ringing"))).status).toBe(200);

  // Rotated: the old URL is refused at once, the new one works.
  const rotated = await hookUrlOf(page.getByTestId("connection-row").filter({ hasText: `Bolna hook ${run}` }), /rotate url/i);
  expect(rotated).not.toBe(url);
  const refused = await post(machine, url, execution("e2e-call-3", "ringing"));
  expect(refused.status).toBe(404);
  expect(refused.json).toMatchObject({ error: { code: "not_found" } });
  expect((await post(machine, rotated, execution("e2e-call-3", "ringing"))).status).toBe(200);
  await machine.dispose();
  await viewer.close();
});
