import { z } from "zod/mini";
import { batchStateSchema } from "./batch-snapshot";
import { connectionIdSchema } from "./connection";
import { providerIdSchema } from "./providers/provider-id";
import { sendSummarySchema } from "./send-summary";

// The recent sends of one connection (GET /api/sends): what the picker lists, newest first.

export const recentSendSchema = z.extend(sendSummarySchema, {
  /** The team's watched list has it already. */
  watched: z.boolean(),
});
export type RecentSend = z.infer<typeof recentSendSchema>;

export const recentSendsPageSchema = z.object({
  /** false: the provider cannot list its sends (Migma); paste an id instead. */
  supported: z.boolean(),
  items: z.array(recentSendSchema),
  nextCursor: z.nullable(z.string()),
  /** What the list cannot show, and how the search works, in words. */
  notes: z.array(z.string()),
});
export type RecentSendsPage = z.infer<typeof recentSendsPageSchema>;

export const RECENT_SENDS_QUERY_MAX = 100;

export const recentSendsQuerySchema = z.object({
  connection: connectionIdSchema,
  status: z.optional(batchStateSchema),
  q: z.optional(z.string().check(z.trim(), z.maxLength(RECENT_SENDS_QUERY_MAX))),
  cursor: z.optional(z.string().check(z.maxLength(40))),
});
export type RecentSendsQuery = z.infer<typeof recentSendsQuerySchema>;

/** A search matches a send's name or id, ignoring case. */
export function matchesSendQuery(send: { batchId: string; name: string | null }, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  return send.batchId.toLowerCase().includes(needle) || (send.name?.toLowerCase().includes(needle) ?? false);
}

/** A connection as the picker offers it to every member: no key, no settings. */
export const sendConnectionSchema = z.object({ id: z.string(), provider: providerIdSchema, name: z.string() });
export type SendConnection = z.infer<typeof sendConnectionSchema>;
export const sendConnectionListSchema = z.object({ items: z.array(sendConnectionSchema) });
