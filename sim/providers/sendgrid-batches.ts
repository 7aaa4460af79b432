import type { SimContext } from "../context";
import type { HeldStatus, SendgridBatch } from "../state";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Any id with this prefix is a new batch on first sight: `sim-fresh-<group>[-in<N>m][-…]`. */
export const SENDGRID_FRESH_PREFIX = "sim-fresh-";
const FRESH_LEAD_MS = 30 * MINUTE;

// Batches SendGrid knows from the start: the scenario ids (as they always answered) and a few
// for the demo, their send times counted from the simulator's start.
const CATALOGUE: Readonly<Record<string, { sendInMs: number; status: HeldStatus | null }>> = {
  "sim-scheduled": { sendInMs: 2 * HOUR, status: null },
  "sim-paused": { sendInMs: 2 * HOUR, status: "pause" },
  "sim-cancelled": { sendInMs: 2 * HOUR, status: "cancel" },
  "sim-weekly-digest": { sendInMs: 6 * HOUR, status: null },
  "sim-june-newsletter": { sendInMs: 26 * HOUR, status: null },
  "sim-flash-sale": { sendInMs: 3 * HOUR, status: "pause" },
  // Inside the 10-minute window from the start: a pause or cancel is refused.
  "sim-price-update": { sendInMs: 8 * MINUTE, status: null },
  "sim-spring-teaser": { sendInMs: -HOUR, status: "cancel" },
  // Went out just before the start: its Event Webhook (sim/sendgrid-webhook.ts) gives the demo counts.
  "sim-welcome-series": { sendInMs: -2 * MINUTE, status: null },
};

/** A catalogue batch's send time, as epoch ms, for a simulator started at `startMs` (the demo tells Sendboard). */
export function catalogueSendAtMs(id: string, startMs: number): number | undefined {
  const entry = CATALOGUE[id];
  return entry ? startMs + entry.sendInMs : undefined;
}

/** The batch behind an id, created on first sight for catalogue and fresh ids; else undefined. */
export function sendgridBatch(ctx: SimContext, id: string): SendgridBatch | undefined {
  const known = ctx.state.sendgrid.get(id);
  if (known) return known;
  const created = catalogueBatch(ctx, id) ?? freshBatch(ctx, id);
  if (created) ctx.state.sendgrid.set(id, created);
  return created;
}

/** Every batch the account has, the catalogue's included even before anyone asked for them. */
export function sendgridBatches(ctx: SimContext): [string, SendgridBatch][] {
  for (const id of Object.keys(CATALOGUE)) sendgridBatch(ctx, id);
  return [...ctx.state.sendgrid];
}

/** Puts every catalogue batch not yet seen into the state (the webhook sender tells of all of them). */
export function seedSendgridCatalogue(state: SimContext["state"], startMs: number): void {
  for (const id of Object.keys(CATALOGUE))
    if (!state.sendgrid.has(id)) state.sendgrid.set(id, catalogueBatchAt(startMs, id)!);
}

function catalogueBatch(ctx: SimContext, id: string): SendgridBatch | undefined {
  return catalogueBatchAt(ctx.runs.main.startMs, id);
}

function catalogueBatchAt(startMs: number, id: string): SendgridBatch | undefined {
  const entry = CATALOGUE[id];
  if (!entry) return undefined;
  return {
    sendAtMs: startMs + entry.sendInMs,
    status: entry.status,
    group: "catalogue",
  };
}

// The group stands for one SendGrid account in the 10-batch limit, so parallel tests each
// have their own ten.
function freshBatch(ctx: SimContext, id: string): SendgridBatch | undefined {
  if (!id.startsWith(SENDGRID_FRESH_PREFIX) || id.length === SENDGRID_FRESH_PREFIX.length)
    return undefined;
  const rest = id.slice(SENDGRID_FRESH_PREFIX.length);
  const lead = /(?:^|-)in(\d{1,4})m(?:-|$)/.exec(rest);
  const leadMs = lead ? Number(lead[1]) * MINUTE : FRESH_LEAD_MS;
  return { sendAtMs: ctx.now + leadMs, status: null, group: `fresh:${rest.split("-")[0]}` };
}
