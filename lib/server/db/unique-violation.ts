import "server-only";

/** A write refused by a unique constraint, in SQLite's words ("UNIQUE constraint failed") or PostgreSQL's ("duplicate key"). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /unique|duplicate/i.test(error.message);
}
