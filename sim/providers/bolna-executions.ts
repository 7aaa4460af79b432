import { callStatus, dialShare, type CallStatus } from "../call-progress";
import { pickWeighted, unitHashOf, uuidOf } from "../hash";
import { phoneNumber } from "../phone-numbers";
import { isoSeconds } from "../time-format";
import type { BolnaMoment } from "./bolna-batch";
import type { BolnaBatchEntry } from "./bolna-catalogue";

// GET /batches/{id}/executions: one execution per valid contact, each where the batch's call
// pipeline has it at this moment, so the rows always add up to execution_status.

const FROM = "+19876543007";
const FIRST_NAMES = [
  "Aarav",
  "Priya",
  "Rohan",
  "Ananya",
  "Vikram",
  "Meera",
  "Karan",
  "Sneha",
  "Emily",
  "Jacob",
  "Olivia",
  "Mateo",
];

// Who hung up and why, as Bolna reports it from the telephony provider.
const ENDINGS = {
  completed: [
    [{ by: "Caller", reason: "Call recipient hungup", code: 4000 }, 6],
    [{ by: "Agent", reason: "Agent ended the call", code: 4000 }, 3],
    [{ by: "Agent", reason: "Call exceeded maximum duration", code: 4010 }, 1],
  ],
  busy: [[{ by: "Carrier", reason: "Recipient line busy", code: 3010 }, 1]],
  "no-answer": [
    [{ by: "Carrier", reason: "Recipient did not answer", code: 3020 }, 4],
    [{ by: "Carrier", reason: "Recipient phone switched off or unreachable", code: 3030 }, 1],
  ],
} as const;

const FAILURES = [
  ["Telephony provider rejected the number: invalid destination", 4],
  ["Number is registered on the Do Not Disturb list", 3],
  ["Carrier network unavailable", 2],
  ["Call blocked: outbound spam filter", 1],
] as const;

type Ending = { by: string; reason: string; code: number };

export function bolnaExecutions(
  batchId: string,
  entry: BolnaBatchEntry,
  moment: BolnaMoment,
  now: number,
) {
  const { share } = moment;
  if (share === null) return [];
  const { validContacts: contacts, plan } = entry.spec;
  return Array.from({ length: contacts }, (_, index) => {
    const status = callStatus(index, contacts, share, moment.mix, moment.stopAt);
    const dialMs = Math.min(
      now,
      plan.run.startMs + dialShare(index, contacts) * plan.run.durationMs,
    );
    return execution(batchId, entry, index, status, dialMs);
  });
}

function execution(
  batchId: string,
  entry: BolnaBatchEntry,
  index: number,
  status: CallStatus,
  dialMs: number,
) {
  const unit = (salt: string) => unitHashOf(salt, batchId, index);
  const toNumber = phoneNumber(entry.country, batchId, index);
  const dialled = status !== "queued" && status !== "stopped";
  const talked =
    status === "in-progress" || status === "call-disconnected" || status === "completed";
  const seconds = talked ? Math.round(20 + unit("talk") * 160) : 0;
  const ending = endingOf(status, unit("ending"));
  const voicemail = status === "completed" && unit("voicemail") < 0.08;
  const updatedMs = dialMs + (dialled ? (seconds + 15) * 1000 : 0);
  return {
    id: uuidOf("execution", batchId, index),
    agent_id: entry.agentId,
    batch_id: batchId,
    conversation_duration: seconds,
    total_cost: Math.round(seconds * 0.9 * 100) / 100,
    transcript:
      status === "completed"
        ? "assistant: Hello, am I speaking with the account holder?\nuser: Yes, go ahead."
        : null,
    created_at: isoSeconds(entry.spec.plan.run.startMs),
    updated_at: isoSeconds(updatedMs),
    cost_breakdown: { llm: 0, network: 0, platform: 0, synthesizer: 0, transcriber: 0 },
    status,
    answered_by_voice_mail: voicemail,
    error_message: status === "failed" ? pickWeighted(FAILURES, unit("failure")) : null,
    extracted_data:
      status === "completed" ? { confirmed: unit("confirmed") < 0.7 ? "yes" : "no" } : null,
    context_details: {
      recipient_data: { name: FIRST_NAMES[Math.floor(unit("name") * FIRST_NAMES.length)] },
      recipient_phone_number: toNumber,
    },
    telephony_data: dialled
      ? {
          duration: String(seconds + (ending ? 3 : 0)),
          to_number: toNumber,
          from_number: FROM,
          recording_url:
            status === "completed"
              ? `https://bolna-recordings.s3.amazonaws.com/${batchId}/${index}.mp3?X-Amz-Expires=3600`
              : null,
          provider_call_id: uuidOf("call", batchId, index),
          call_type: "outbound",
          provider: "plivo",
          hangup_by: ending?.by ?? null,
          hangup_reason: ending?.reason ?? null,
          hangup_provider_code: ending?.code ?? null,
          ring_duration: Math.round(3 + unit("ring") * 20),
          post_dial_delay: 1,
          to_number_carrier: null,
        }
      : null,
    batch_run_details: {
      status,
      created_at: isoSeconds(dialMs),
      updated_at: isoSeconds(updatedMs),
      retried: 0,
    },
  };
}

function endingOf(status: CallStatus, unit: number): Ending | null {
  if (status === "completed" || status === "busy" || status === "no-answer")
    return pickWeighted<Ending>(ENDINGS[status], unit);
  return null;
}
