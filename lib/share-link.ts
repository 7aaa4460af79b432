import { z } from "zod/mini";
import { providerIdSchema } from "./providers/provider-id";

export const DEFAULT_SHARE_LINK_HOURS = 7 * 24;
export const MAX_SHARE_LINK_HOURS = 90 * 24;

export const createShareLinkSchema = z.object({
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

export const createdShareLinkSchema = z.object({ id: z.string(), url: z.string() });
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

/** What the list of a board's links shows: never the token, which only its creator ever sees. */
export const shareLinkSchema = z.object({
  id: z.string(),
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
