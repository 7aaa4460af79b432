import type { ProviderId } from "./provider-id";

// Client-safe so the add-batch form rejects a bad id inline with the same rule the API applies.
// Every pattern excludes "/", "%", "." and control characters, so an id can never change the
// upstream path even before it is percent-encoded.
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const BATCH_ID_RULES = {
  // Opaque string in Migma's docs; its ids are letters, digits, "_" and "-".
  migma: { pattern: /^[A-Za-z0-9_-]{1,128}$/, hint: "1–128 letters, digits, “_” or “-”" },
  // A UUID, per Mindo's docs.
  mindo: { pattern: UUID, hint: "a UUID such as a3f2b8c9-4d5e-6f7a-8b9c-0d1e2f3a4b5c" },
  // 32 hex characters, or the same with dashes (both appear in Bolna's docs).
  bolna: { pattern: /^[0-9a-fA-F-]{32,36}$/, hint: "32 hex characters, with or without dashes" },
  // SendGrid batch ids are URL-safe base64 strings.
  sendgrid: { pattern: /^[A-Za-z0-9_=-]{1,128}$/, hint: "1–128 letters, digits, “_”, “-” or “=”" },
} as const satisfies Record<ProviderId, { pattern: RegExp; hint: string }>;

export type BatchIdCheck = { ok: true; batchId: string } | { ok: false; reason: string };

/** Strict: no trimming here, so a stray control character or space is a 400, not silently dropped. */
export function checkBatchId(provider: ProviderId, batchId: string): BatchIdCheck {
  if (batchId.length === 0) return { ok: false, reason: "Enter a batch id." };
  const rule = BATCH_ID_RULES[provider];
  if (!rule.pattern.test(batchId)) {
    return { ok: false, reason: `Not a valid batch id for this provider: expected ${rule.hint}.` };
  }
  return { ok: true, batchId };
}
