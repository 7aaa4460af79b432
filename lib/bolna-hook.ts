import { z } from "zod/mini";

// Client-safe: a Bolna connection's hook as GET/POST /api/connections/{id}/bolna-hook and the
// connection settings see it. The URL (it holds the token) is in the one answer that makes it.

/** Bolna documents one source address for its webhooks (shared/providers/bolna.md §4). */
export const BOLNA_WEBHOOK_SOURCE = "13.203.39.153";
export const BOLNA_HOOK_ALLOWLIST_MAX = 20;

export const bolnaHookStatusSchema = z.object({
  configured: z.boolean(),
  createdAt: z.nullable(z.string()),
  rotatedAt: z.nullable(z.string()),
  lastEventAt: z.nullable(z.string()),
  eventsReceived: z.number(),
  /** An event arrived within the last few minutes: polls slow down, viewers ask sooner. */
  live: z.boolean(),
  allowlist: z.array(z.string()),
});
export type BolnaHookStatus = z.infer<typeof bolnaHookStatusSchema>;

/** Creating or rotating: the URL to paste into Bolna, shown this once. */
export const createdBolnaHookSchema = z.object({ url: z.string(), status: bolnaHookStatusSchema });
export type CreatedBolnaHook = z.infer<typeof createdBolnaHookSchema>;

export const bolnaHookAllowlistSchema = z.strictObject({
  allowlist: z.array(z.string().check(z.trim(), z.maxLength(64))).check(
    z.maxLength(BOLNA_HOOK_ALLOWLIST_MAX, `List at most ${BOLNA_HOOK_ALLOWLIST_MAX} addresses.`),
  ),
});
export type BolnaHookAllowlistInput = z.infer<typeof bolnaHookAllowlistSchema>;
