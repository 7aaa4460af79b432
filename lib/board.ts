import { z } from "zod/mini";
import { batchInputSchema } from "./batch-input";
import { noControlCharacters } from "./plain-text";
import { providerIdSchema } from "./providers/provider-id";

// One schema per entity, shared by the forms, the route handlers and the client's response checks.
export const BOARD_NAME_MAX = 120;
/** Every batch on a board is polled by every screen that shows it: keep a board within reason. */
export const MAX_BOARD_BATCHES = 100;

export const boardNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(BOARD_NAME_MAX), noControlCharacters());

export const boardBatchInputSchema = batchInputSchema;
export type BoardBatchInput = z.infer<typeof boardBatchInputSchema>;

// Bodies are strict: a key the server does not know is refused, never silently dropped.
export const createBoardSchema = z.strictObject({
  name: boardNameSchema,
  batches: z._default(z.array(boardBatchInputSchema).check(z.maxLength(MAX_BOARD_BATCHES)), []),
});
export type CreateBoardInput = z.input<typeof createBoardSchema>;

export const renameBoardSchema = z.strictObject({ name: boardNameSchema });

export const reorderBoardSchema = z.strictObject({
  ids: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(MAX_BOARD_BATCHES)),
});

export const boardBatchSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  provider: providerIdSchema,
  batchId: z.string(),
  label: z.nullable(z.string()),
  position: z.number(),
  addedAt: z.string(),
});
export type BoardBatch = z.infer<typeof boardBatchSchema>;

export const boardSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  batches: z.array(boardBatchSchema),
});
export type Board = z.infer<typeof boardSchema>;

/** A board's batches by where they are, as last seen; `unseen` ones were never polled yet. */
export const boardStatesSchema = z.object({
  running: z.number(),
  waiting: z.number(),
  done: z.number(),
  failed: z.number(),
  unseen: z.number(),
});
export type BoardStates = z.infer<typeof boardStatesSchema>;

export const boardSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  batchCount: z.number(),
  states: boardStatesSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BoardSummary = z.infer<typeof boardSummarySchema>;

export const boardListSchema = z.object({ items: z.array(boardSummarySchema) });
