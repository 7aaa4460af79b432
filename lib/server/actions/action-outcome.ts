import "server-only";
import { z } from "zod";
import { AppError, isErrorCode } from "@/lib/errors";

/**
 * What a control call came to, as stored for the requests that share it: done, refused by the
 * provider or by the batch's state (in our words), or failed with an error code (502 and the like).
 */
export type ActionOutcome =
  | { kind: "done" }
  | { kind: "refused"; reason: "not_supported" | "not_allowed"; message: string }
  | { kind: "failed"; code: string; message: string };

export type ActionRefusal = Extract<ActionOutcome, { kind: "refused" }>;

const outcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("done") }),
  z.object({ kind: z.literal("refused"), reason: z.enum(["not_supported", "not_allowed"]), message: z.string() }),
  z.object({ kind: z.literal("failed"), code: z.string(), message: z.string() }),
]);

export function parseActionOutcome(json: string): ActionOutcome | null {
  try {
    const parsed = outcomeSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A call that threw, as an outcome: an AppError keeps its code and message (written for people); anything else is internal. */
export function failedOutcome(error: unknown): ActionOutcome {
  if (error instanceof AppError) return { kind: "failed", code: error.code, message: error.message };
  return { kind: "failed", code: "internal", message: "The action could not be completed." };
}

/** The error a refused or failed outcome answers with. */
export function outcomeError(outcome: Exclude<ActionOutcome, { kind: "done" }>): AppError {
  if (outcome.kind === "refused")
    return new AppError(outcome.reason === "not_supported" ? "action_not_supported" : "action_not_allowed", outcome.message);
  return new AppError(isErrorCode(outcome.code) ? outcome.code : "internal", outcome.message);
}
