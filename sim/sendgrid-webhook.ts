import { sendGridEventsBetween, type SendGridWebhookEvent } from "./providers/sendgrid-events";
import { createSendGridSigner, type SendGridSigner } from "./sendgrid-signer";
import type { SimRuns } from "./context";
import type { SimState } from "./state";

// Posts SendGrid's Event Webhook for the simulator's SendGrid batches, signed with its own P-256
// key, as SendGrid does: every few seconds what happened since, at most 1,000 events a POST, and
// again on the next tick when the receiver did not answer 2xx (SendGrid retries for 24 h).

const TICK_MS = 5_000;
const MAX_PER_POST = 1_000;
const MAX_PENDING = 50_000;

export type SendGridWebhookSender = { publicKey: string; stop(): void };

export function startSendGridWebhook(
  {
    url,
    state,
    runs,
    batchIds,
    tickMs = TICK_MS,
  }: { url: string; state: SimState; runs: SimRuns; batchIds: () => string[]; tickMs?: number },
  signer: SendGridSigner = createSendGridSigner(),
): SendGridWebhookSender {
  let sentUpTo = Date.now();
  let pending: SendGridWebhookEvent[] = [];
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = Date.now();
      for (const id of batchIds()) {
        const batch = state.sendgrid.get(id);
        if (batch)
          pending.push(...sendGridEventsBetween(id, batch, runs.main.durationMs, sentUpTo, now));
      }
      sentUpTo = now;
      pending = pending.slice(-MAX_PENDING);
      while (pending.length > 0) {
        const chunk = pending.slice(0, MAX_PER_POST);
        if (!(await post(url, signer, chunk))) break;
        pending = pending.slice(chunk.length);
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  return { publicKey: signer.publicKey, stop: () => clearInterval(timer) };
}

async function post(
  url: string,
  signer: SendGridSigner,
  events: SendGridWebhookEvent[],
): Promise<boolean> {
  const body = JSON.stringify(events);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...signer.headersFor(body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
