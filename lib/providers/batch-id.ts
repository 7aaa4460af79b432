import { mapProfiles } from "./profiles";
import type { ProviderId } from "./provider-id";

// Client-safe so the add-batch form rejects a bad id inline with the same rule the API applies.
// Every pattern excludes "/", "%", "." and control characters, so an id can never change the
// upstream path even before it is percent-encoded.
const BATCH_ID_RULES = mapProfiles((profile) => profile.batchId);

export type BatchIdCheck = { ok: true; batchId: string } | { ok: false; reason: string };

/**
 * Surrounding whitespace (a pasted id often brings some) is trimmed first; anything else that is
 * not part of a valid id, a space or a control character inside it, is refused, never dropped.
 */
export function checkBatchId(provider: ProviderId, batchId: string): BatchIdCheck {
  const trimmed = batchId.trim();
  if (trimmed.length === 0) return { ok: false, reason: "Enter a batch id." };
  const rule = BATCH_ID_RULES[provider];
  if (!rule.pattern.test(trimmed)) {
    return { ok: false, reason: `Not a valid batch id for this provider: expected ${rule.hint}.` };
  }
  return { ok: true, batchId: trimmed };
}

/** The add-batch form's hint inside the empty id field. */
export function batchIdPlaceholder(provider: ProviderId): string {
  return `e.g. ${BATCH_ID_RULES[provider].example}`;
}
