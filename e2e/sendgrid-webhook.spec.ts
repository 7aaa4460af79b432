import { EventWebhook } from "@sendgrid/eventwebhook";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createSendGridSigner } from "../sim/sendgrid-signer";
import { E2E } from "./support/settings";

// SendGrid's Event Webhook end to end: a P-256 key made here (as SendGrid makes one per account),
// its public half pasted on the connection page, events signed with the other half and checked
// with SendGrid's own verifier before they are posted, as SendGrid would post them.

const run = Date.now().toString(36);
const BATCH = `sim-fresh-wh${run}`;
const signer = createSendGridSigner();
let seq = 0;
const PAGE_REFRESH = 25_000;

type Event = Record<string, unknown>;
const event = (message: string, name: string, extra: Event = {}): Event => ({
  sg_event_id: `${run}-${++seq}`,
  sg_message_id: `${run}.${message}.filter0001.0`,
  event: name,
  email: `${message}@recipients.e2e.test`,
  timestamp: Math.floor(Date.now() / 1000),
  batch_id: BATCH,
  ...extra,
});

test("signed SendGrid events give a SendGrid batch counts; tampered, stale and repeated bodies count nothing more", async ({
  page,
}) => {
  await page.goto("/settings/connections");
  const form = page.getByTestId("add-connection-form");
  await form.getByLabel("Provider").selectOption("sendgrid");
  await form.getByLabel("Name").fill(`Webhook ${run}`);
  await form.getByLabel("API key").fill(E2E.keys.sendgrid);
  await form.getByRole("button", { name: "Add connection" }).click();
  const row = page.getByTestId("connection-row").filter({ hasText: `Webhook ${run}` });
  const panel = row.getByTestId("sendgrid-webhook");
  await expect(panel.getByTestId("sendgrid-webhook-key")).toContainText("Not set");
  await row.getByRole("button", { name: "Edit" }).click();
  await row.getByLabel("Webhook verification key").fill(signer.publicKey);
  await row.getByRole("button", { name: "Save changes" }).click();
  await expect(panel.getByTestId("sendgrid-webhook-key")).toHaveText("Set");
  const hookUrl = await panel.getByTestId("sendgrid-webhook-url").inputValue();
  const connectionId = (await row.getAttribute("data-connection-id"))!;
  expect(hookUrl).toBe(`${E2E.appUrl}/api/hooks/sendgrid/${connectionId}`);

  await page.goto(`/batches/sendgrid/${BATCH}?connection=${connectionId}`);
  await expect(page.getByTestId("batch-state")).toBeVisible();

  // SendGrid's calls carry no cookie and no Origin: a bare client, not the signed-in page.
  const sendGrid = await playwrightRequest.newContext();
  const post = (body: string, headers = signer.headersFor(body)) =>
    sendGrid.post(hookUrl, {
      data: Buffer.from(body),
      headers: { "content-type": "application/json", ...headers },
    });
  const verifier = new EventWebhook();
  const provenBySendGrid = (body: string, headers: Record<string, string>) =>
    verifier.verifySignature(
      verifier.convertPublicKeyToECDSA(signer.publicKey),
      body,
      headers["X-Twilio-Email-Event-Webhook-Signature"]!,
      headers["X-Twilio-Email-Event-Webhook-Timestamp"]!,
    );

  const first = JSON.stringify([
    ...["a", "b", "c", "d"].map((m) => event(m, "processed")),
    event("a", "delivered"),
    event("b", "delivered"),
  ]);
  const firstHeaders = signer.headersFor(first);
  expect(provenBySendGrid(first, firstHeaders)).toBe(true);
  expect((await post(first, firstHeaders)).status()).toBe(200);
  // The webhook asks for a poll at once; the page shows it at its next refresh (every 10 s while scheduled).
  await expect(page.getByTestId("count-delivered")).toHaveAttribute("data-value", "2", {
    timeout: PAGE_REFRESH,
  });
  await expect(page.getByTestId("batch-total")).toHaveAttribute("data-value", "4");
  await expect(page.getByText(/numbers come from SendGrid's Event Webhook/)).toBeVisible();

  const second = JSON.stringify([
    event("c", "bounce", { type: "bounce", reason: "550 5.1.1 The email account does not exist" }),
    event("d", "deferred", { response: "451 try again later" }),
    event("a", "open"),
    event("a", "open"),
    event("a", "click"),
  ]);
  // A byte changed after signing, and a body signed 11 minutes ago: SendGrid's verifier and ours refuse both.
  const tampered = second.replace("550 5.1.1", "550 5.1.2");
  const secondHeaders = signer.headersFor(second);
  expect(provenBySendGrid(tampered, secondHeaders)).toBe(false);
  expect((await post(tampered, secondHeaders)).status()).toBe(401);
  const stale = signer.headersFor(second, new Date(Date.now() - 11 * 60_000));
  expect(provenBySendGrid(second, stale)).toBe(true);
  expect((await post(second, stale)).status()).toBe(401);

  expect((await post(second, secondHeaders)).status()).toBe(200);
  // SendGrid's retry of the same body (or a duplicate delivery) counts once.
  const retry = await post(second, signer.headersFor(second));
  expect(retry.status()).toBe(200);
  expect(await retry.json()).toMatchObject({ recorded: 0 });

  await expect(page.getByTestId("count-bounced")).toHaveAttribute("data-value", "1", {
    timeout: PAGE_REFRESH,
  });
  await expect(page.getByTestId("count-deferred")).toHaveAttribute("data-value", "1");
  await expect(page.getByTestId("count-delivered")).toHaveAttribute("data-value", "2");
  await expect(page.getByTestId("batch-processed")).toHaveAttribute("data-value", "3");

  const view = await page.request.get(`/api/batches/sendgrid/${BATCH}?connection=${connectionId}`);
  const body = (await view.json()) as {
    funnel: { status: string; count: number }[];
    total: number;
  };
  expect(body.total).toBe(4);
  expect(body.funnel.map((step) => [step.status, step.count])).toEqual([
    ["delivered", 2],
    ["opened", 1],
    ["clicked", 1],
  ]);

  // The bounce, with SendGrid's reason, in the recipients panel.
  const recipients = page.getByTestId("recipients-panel");
  await recipients.getByTestId("recipients-toggle").click();
  await expect(
    recipients.getByTestId("recipient-row").filter({ hasText: "c@recipients.e2e.test" }),
  ).toContainText("550 5.1.1 The email account does not exist");

  await page.goto("/settings/connections");
  const after = page.locator(
    `[data-testid="connection-row"][data-connection-id="${connectionId}"]`,
  );
  await expect(after.getByTestId("sendgrid-webhook-events")).toHaveText("11");
  await expect(after.getByTestId("sendgrid-webhook-last")).toContainText(/ago|now/);
  await sendGrid.dispose();
});
