import { z } from "zod/mini";
import { connectionIdSchema } from "./connection";
import { noControlCharacters } from "./plain-text";
import { providerIdSchema } from "./providers/provider-id";

// Client-safe: a board following a connection (auto-watch), as the board page edits it.

/** How often a rule lists its connection: a new send is on the board within this time. */
export const AUTO_WATCH_LIST_MS = 30_000;

export const autoWatchRuleSchema = z.object({
  id: z.string(),
  boardId: z.string(),
  connectionId: z.string(),
  provider: providerIdSchema,
  /** Only sends whose name contains this (any case). */
  nameContains: z.nullable(z.string()),
  /** Only sends of this template (Mindo: the send's template name), exactly, any case. */
  template: z.nullable(z.string()),
  /** Only this agent's batches (Bolna). */
  agentId: z.nullable(z.string()),
  /** Minutes a finished send stays on the board; null = keep it. */
  removeAfterMinutes: z.nullable(z.number()),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type AutoWatchRule = z.infer<typeof autoWatchRuleSchema>;

export const autoWatchRuleListSchema = z.object({ items: z.array(autoWatchRuleSchema) });

const filterText = z.nullable(z.string().check(z.trim(), z.maxLength(120, "Keep a filter under 120 characters."), noControlCharacters()));
const agentIdField = z.nullable(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{1,64}$/, "Not an agent id.")));
const removeAfterField = z.nullable(z.int().check(z.minimum(1, "At least a minute."), z.maximum(60 * 24 * 30, "At most 30 days.")));

const ruleFields = {
  nameContains: z.optional(filterText),
  template: z.optional(filterText),
  agentId: z.optional(agentIdField),
  removeAfterMinutes: z.optional(removeAfterField),
};

export const createAutoWatchRuleSchema = z.strictObject({ connectionId: connectionIdSchema, ...ruleFields });
export type CreateAutoWatchRuleInput = z.infer<typeof createAutoWatchRuleSchema>;

export const updateAutoWatchRuleSchema = z
  .strictObject(ruleFields)
  .check(z.refine((patch) => Object.values(patch).some((value) => value !== undefined), "Nothing to change."));
export type UpdateAutoWatchRuleInput = z.infer<typeof updateAutoWatchRuleSchema>;
