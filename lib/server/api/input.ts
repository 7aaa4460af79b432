import "server-only";
import type { ZodMiniType } from "zod/mini";
import { AppError } from "@/lib/errors";

/**
 * Validates a body or param with the schema the client shares; the 400 names the first problem
 * (field and reason) but never echoes the value, which may be a key or a password.
 */
export function parseInput<T>(schema: ZodMiniType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw new AppError("bad_request", `${field}${issue?.message ?? "The request is not valid."}`);
}
