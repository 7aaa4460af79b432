import { startWebhookReceiver } from "../../scripts/lib/alert-receivers";
import type { AppStack } from "./app-stack";
import { fetchRetrying } from "./fetch-retry";
import type { ScaleBatch } from "./scale-batches";

// Alert rules are created this many at a time: the API is the admins' settings page's.
const RULES_AT_ONCE = 5;
// Far above the simulator's failure rates: the rules are evaluated on every poll but never fire.
const FAILURE_SHARE_PERCENT = 50;

export type ScaleExtras = {
  /** What is on, for the report. */
  on: string[];
  /** One failure-share alert rule per batch, to the bench's contact point. */
  addRules(batches: readonly ScaleBatch[]): Promise<void>;
  /** Alert messages the local receiver got. */
  received(): number;
  /** Rules created, and those the app refused or dropped. */
  rules(): { created: number; failed: number };
  close(): Promise<void>;
};

/**
 * What the issue asks the scale run to carry: the Bolna connection's hook URL given to the
 * simulator (execution webhooks for every Bolna batch), a signed webhook contact point on a
 * loopback receiver, and an alert rule per batch. SendGrid's Event Webhook is the app stack's
 * (`sendgridWebhook`), since the simulator must know where to post from its start.
 */
export async function turnOnHooksAndAlerts(stack: AppStack): Promise<ScaleExtras> {
  const admin = { Cookie: stack.cookie, "Content-Type": "application/json" };
  const hook = await fetch(`${stack.baseUrl}/api/connections/env-bolna/bolna-hook`, { method: "POST", headers: { Cookie: stack.cookie } });
  if (hook.status !== 201) throw new Error(`Creating the Bolna hook URL answered ${hook.status}`);
  stack.sim.setBolnaWebhookUrl(((await hook.json()) as { url: string }).url);

  let secret: string | null = null;
  const receiver = await startWebhookReceiver(() => secret);
  try {
    const created = await fetch(`${stack.baseUrl}/api/alerts/contact-points`, { method: "POST", headers: admin, body: JSON.stringify({ type: "webhook", name: "Scale bench receiver", url: receiver.url }) });
    if (!created.ok) throw new Error(`Creating the contact point answered ${created.status}: ${(await created.text()).slice(0, 200)}`);
    const point = (await created.json()) as { id: string; secret?: string };
    secret = point.secret ?? null;
    const rules = { created: 0, failed: 0 };
    // Counted, not thrown: a loaded app that drops a few set-up requests still gets measured, and the report says so.
    const addRule = async (batch: ScaleBatch) => {
      const body = { batch, kind: "failure_share", threshold: FAILURE_SHARE_PERCENT, contactPointIds: [point.id] };
      try {
        // A repeat after a dropped connection at worst adds a twin rule.
        const answer = await fetchRetrying(`${stack.baseUrl}/api/alerts/rules`, { method: "POST", headers: admin, body: JSON.stringify(body) }, 5);
        await answer.body?.cancel();
        if (answer.ok) rules.created += 1;
        else rules.failed += 1;
      } catch {
        rules.failed += 1;
      }
    };
    return {
      on: ["SendGrid Event Webhook (signed, from the simulator)", "Bolna execution webhooks", `a failure-share alert rule per batch (> ${FAILURE_SHARE_PERCENT} %) to a signed webhook contact point on loopback`],
      async addRules(batches) {
        for (let start = 0; start < batches.length; start += RULES_AT_ONCE) await Promise.all(batches.slice(start, start + RULES_AT_ONCE).map(addRule));
      },
      received: () => receiver.received.length,
      rules: () => ({ ...rules }),
      close: receiver.close,
    };
  } catch (error) {
    await receiver.close();
    throw error;
  }
}
