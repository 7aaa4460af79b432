import { pickWeighted, unitHashOf } from "../hash";
import { phoneNumber } from "../phone-numbers";
import { isoSeconds } from "../time-format";
import type { MindoMoment, MindoSendSpec } from "./mindo-batch";

// GET …/bulk-sends/{id}/messages/: a row per message sent so far, each with a fixed fate, so the
// rows always add up to the send's counters: recipient i fails when floor(i × rate) steps up,
// and the k-th success is read, delivered or only sent by how far the funnel has come.

// Meta's error titles as WhatsApp reports them, weighted roughly as marketing sends see them.
const META_ERRORS = [
  ["Message undeliverable", 34],
  ["This message was not delivered to maintain healthy ecosystem engagement.", 22],
  ["Re-engagement message", 14],
  ["User's number is part of an experiment", 10],
  ["Rate limit hit", 8],
  ["Spam rate limit hit", 5],
  ["Pair rate limit hit", 4],
  ["Business eligibility payment issue", 3],
] as const;
// Refused before anything left Mindo: no send time, no WhatsApp message id.
const REFUSED_AT_SEND = new Set<string>([
  "Rate limit hit",
  "Spam rate limit hit",
  "Pair rate limit hit",
  "Business eligibility payment issue",
]);

const NAMES = [
  "Lucía",
  "Mateo",
  "Valentina",
  "Santiago",
  "Camila",
  "Benjamín",
  "Isabella",
  "Thiago",
  "Sofía",
  "Joaquín",
  "Martina",
  "Gabriel",
];

export type MindoMessageRow = ReturnType<typeof messageRow>;

export function mindoMessages(
  id: string,
  spec: MindoSendSpec,
  moment: MindoMoment,
  now: number,
): MindoMessageRow[] {
  const { processed, delivered, read } = moment.counts;
  const rate = moment.failRate;
  return Array.from({ length: processed }, (_, index) => {
    const failed = Math.floor((index + 1) * rate) > Math.floor(index * rate);
    const success = index - Math.floor(index * rate);
    const status = failed
      ? "failed"
      : success < read
        ? "read"
        : success < delivered
          ? "delivered"
          : "sent";
    return messageRow(id, spec, index, status, now);
  });
}

function messageRow(
  id: string,
  { total, country, plan }: MindoSendSpec,
  index: number,
  status: string,
  now: number,
) {
  const unit = (salt: string) => unitHashOf(salt, id, index);
  const phone = phoneNumber(country, id, index);
  const error = status === "failed" ? pickWeighted(META_ERRORS, unit("error")) : null;
  const refused = error !== null && REFUSED_AT_SEND.has(error);
  const sentMs = Math.min(now, plan.run.startMs + ((index + 0.5) / total) * plan.run.durationMs);
  const deliveredMs = Math.min(now, sentMs + (2 + unit("delivery") * 18) * 1000);
  const readMs = Math.min(now, deliveredMs + (30 + unit("read") * 900) * 1000);
  return {
    id: 1_000_000 + Math.floor(unitHashOf("base", id) * 8_000_000) + index,
    recipient_phone: phone,
    status,
    meta_message_id: refused
      ? null
      : `wamid.${Buffer.from(`${phone.slice(1)}:${id.slice(-6)}:${index}`).toString("base64")}`,
    variables_used: { customer_name: NAMES[Math.floor(unit("name") * NAMES.length)] },
    sent_at: refused ? null : isoSeconds(sentMs),
    delivered_at: status === "delivered" || status === "read" ? isoSeconds(deliveredMs) : null,
    read_at: status === "read" ? isoSeconds(readMs) : null,
    error_message: error,
  };
}
