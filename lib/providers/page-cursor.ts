import "server-only";
import { AppError } from "@/lib/errors";

// Our cursors are page numbers ("3"), or a stage and a page ("1.3") when one list is read as
// several filtered lists in turn. Never a provider's URL: Mindo's `next` is absolute, and
// following it would take the key wherever it pointed.

export type PagePosition = { stage: number; page: number };

const MAX_PAGE = 100_000;
const CURSOR = /^(?:(\d{1,2})\.)?(\d{1,6})$/;

/** The position a cursor names (the first page for none); bad_request for one we did not make. */
export function readPageCursor(cursor: string | null | undefined, stages = 1): PagePosition {
  if (cursor === null || cursor === undefined) return { stage: 0, page: 1 };
  const match = CURSOR.exec(cursor);
  const stage = Number(match?.[1] ?? 0);
  const page = Number(match?.[2] ?? 0);
  if (!match || stage >= stages || page < 1 || page > MAX_PAGE) {
    throw new AppError(
      "bad_request",
      "This list position is not valid: start again from the first page.",
    );
  }
  return { stage, page };
}

export function pageCursor({ stage, page }: PagePosition): string {
  return stage === 0 ? String(page) : `${stage}.${page}`;
}

/** A requested page size within 1..max, or the provider's default. */
export function pageSizeOf(requested: number | undefined, fallback: number, max: number): number {
  if (requested === undefined || !Number.isFinite(requested)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(requested)));
}
