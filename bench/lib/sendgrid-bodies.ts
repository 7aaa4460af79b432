import { createSendGridSigner, type SendGridSigner } from "../../sim/sendgrid-signer";

// Event Webhook bodies as SendGrid would post a large send: each message's events (processed,
// deferred, delivered or bounced, opened) spread over consecutive POSTs, so later POSTs move
// messages recorded by earlier ones. Tagged over 20 batches, every 50th message untagged.

export const EVENTS_PER_POST = 1_000;
const STAGES = 4;
const MESSAGES_PER_POST = EVENTS_PER_POST / STAGES;
const BATCHES = 20;

export type SignedBody = { body: Buffer; headers: Record<string, string> };
export type EventRow = {
  connection_id: string;
  sg_event_id: string;
  batch_tag: string;
  message_key: string;
  event: string;
  occurred_at: string;
  received_at: string;
};
export type MessageRow = {
  connection_id: string;
  message_key: string;
  batch_tag: string;
  email: string;
  status: string;
  reason: string | null;
  opened: number;
  clicked: number;
  updated_at: string;
};
/** What one POST writes: its event rows, and a row for each message it touches. */
export type PostRows = { events: EventRow[]; messages: MessageRow[] };

function eventOf(run: string, message: number, stage: number, at: number) {
  const tagged = message % 50 !== 49;
  const name = ["processed", "deferred", message % 33 === 0 ? "bounce" : "delivered", "open"][
    stage
  ]!;
  return {
    sg_event_id: `${run}-${message}-${stage}`,
    sg_message_id: `${run}.${message}.filter0001.0`,
    event: name,
    email: `reader${message}@example.com`,
    timestamp: Math.floor(at / 1000),
    ...(name === "bounce" && {
      type: "bounce",
      reason: "550 5.1.1 The email account that you tried to reach does not exist.",
    }),
    ...(tagged && { batch_id: `bench-${run}-${message % BATCHES}` }),
    "smtp-id": `<${run}.${message}@bench.sendboard.local>`,
    category: ["bench"],
  };
}

/** `posts` bodies of EVENTS_PER_POST events, signed at creation, and the same events as rows for the bare loop. */
export function sendGridBodies(
  posts: number,
  connectionId: string,
  signer: SendGridSigner = createSendGridSigner(),
) {
  const run = Date.now().toString(36);
  const now = Date.now();
  const bodies: SignedBody[] = [];
  const rows: PostRows[] = [];
  for (let post = 0; post < posts; post++) {
    const events = [];
    // Stage s of message group g goes out in POST g + s (wrapping): a message's events span four POSTs.
    for (let stage = 0; stage < STAGES; stage++) {
      const group = (post - stage + posts) % posts;
      for (let m = 0; m < MESSAGES_PER_POST; m++)
        events.push(eventOf(run, group * MESSAGES_PER_POST + m, stage, now));
    }
    const body = Buffer.from(JSON.stringify(events));
    bodies.push({
      body,
      headers: { "Content-Type": "application/json", ...signer.headersFor(body) },
    });
    const at = new Date(now).toISOString();
    const messages = new Map<string, MessageRow>();
    for (const event of events) {
      const status =
        event.event === "open" ? "delivered" : event.event === "bounce" ? "bounced" : event.event;
      messages.set(event.sg_message_id, {
        connection_id: connectionId,
        message_key: event.sg_message_id,
        batch_tag: event.batch_id ?? "",
        email: event.email,
        status,
        reason: event.reason ?? null,
        opened: Number(event.event === "open"),
        clicked: 0,
        updated_at: at,
      });
    }
    rows.push({
      events: events.map((event) => ({
        connection_id: connectionId,
        sg_event_id: event.sg_event_id,
        batch_tag: event.batch_id ?? "",
        message_key: event.sg_message_id,
        event: event.event,
        occurred_at: new Date(event.timestamp * 1000).toISOString(),
        received_at: at,
      })),
      messages: [...messages.values()],
    });
  }
  return { publicKey: signer.publicKey, bodies, rows };
}
