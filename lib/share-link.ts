import { z } from "zod/mini";
import { noControlCharacters } from "./plain-text";
import { providerIdSchema } from "./providers/provider-id";

export const DEFAULT_SHARE_LINK_HOURS = 7 * 24;
export const MAX_SHARE_LINK_HOURS = 90 * 24;
export const SHARE_LINK_NAME_MAX = 80;

/** What the link's maker calls it ("Lobby TV"); empty means unnamed. */
export const shareLinkNameSchema = z
  .string()
  .check(z.trim(), z.maxLength(SHARE_LINK_NAME_MAX, `Keep the name under ${SHARE_LINK_NAME_MAX} characters.`), noControlCharacters());

// Strict, like every body: an unknown key is refused.
export const createShareLinkSchema = z.strictObject({
  name: z.optional(z.nullable(shareLinkNameSchema)),
  expiresInHours: z.optional(
    z.number().check(z.int(), z.minimum(1), z.maximum(MAX_SHARE_LINK_HOURS)),
  ),
  // Checked by the service (see lib/frame-origin.ts), which answers 400 invalid_frame_origin.
  frameOrigin: z.optional(z.nullable(z.string())),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

/** A link to one batch rather than a board. */
export const createBatchShareLinkSchema = z.extend(createShareLinkSchema, {
  provider: providerIdSchema,
  batchId: z.string().check(z.minLength(1), z.maxLength(200)),
  connectionId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type CreateBatchShareLinkInput = z.infer<typeof createBatchShareLinkSchema>;

export const createdShareLinkSchema = z.object({ id: z.string(), url: z.string() });
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

export const shareLinkTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("board"), boardId: z.string(), boardName: z.string() }),
  z.object({ kind: z.literal("batch"), provider: providerIdSchema, batchId: z.string(), connectionId: z.string() }),
]);
export type ShareLinkTarget = z.infer<typeof shareLinkTargetSchema>;

/**
 * A link as the lists show it: never the token, which only its creator ever sees. `createdBy` is
 * null once that person was removed; `canRevoke` says whether the asker may (admins any, members
 * their own).
 */
export const shareLinkSchema = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  target: shareLinkTargetSchema,
  createdBy: z.nullable(z.object({ id: z.string(), name: z.string() })),
  canRevoke: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  lastUsedAt: z.nullable(z.string()),
  viewCount: z.number(),
  frameOrigin: z.nullable(z.string()),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

export const shareLinkListSchema = z.object({ items: z.array(shareLinkSchema) });

export const sharedBatchSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  provider: providerIdSchema,
  batchId: z.string(),
  label: z.nullable(z.string()),
});
export type SharedBatch = z.infer<typeof sharedBatchSchema>;

/** What GET /api/share/{token} answers: a board, or a single batch, and nothing else. */
export const sharedViewSchema = z.object({
  kind: z.enum(["board", "batch"]),
  name: z.string(),
  expiresAt: z.nullable(z.string()),
  batches: z.array(sharedBatchSchema),
});
export type SharedView = z.infer<typeof sharedViewSchema>;
