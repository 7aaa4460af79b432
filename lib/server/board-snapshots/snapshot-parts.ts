import "server-only";
import { AppError, type ErrorBody } from "@/lib/errors";
import type { SharedBatch } from "@/lib/share-link";
import { readTeamBatch, type BatchRead } from "../batches";
import { errorName, getLogger } from "../logger";

/**
 * How long a snapshot waits for batches that have no first answer yet. Each card of the batch
 * endpoint waited on its own; in one body, one slow provider must not hold the others back.
 */
export const FIRST_ANSWER_WAIT_MS = 1_500;

/** One batch of a snapshot: what the batch endpoint would answer, or that its first answer is on its way. */
export type SnapshotPart = { kind: "view"; read: BatchRead } | { kind: "error"; body: ErrorBody } | { kind: "pending" };

const PENDING: SnapshotPart = { kind: "pending" };

/** Every batch read at once, through the connection the board stores for it. Never rejects. */
export async function readSnapshotParts(
  teamId: string,
  batches: readonly SharedBatch[],
  viewer: string,
  waitMs = FIRST_ANSWER_WAIT_MS,
): Promise<SnapshotPart[]> {
  const parts = batches.map(() => PENDING);
  const reads = batches.map(({ provider, batchId, connectionId }, index) =>
    readTeamBatch(teamId, { provider, batchId, connectionId }, viewer).then(
      (read) => void (parts[index] = { kind: "view", read }),
      (error: unknown) => void (parts[index] = { kind: "error", body: errorBodyOf(error) }),
    ),
  );
  await settledWithin(Promise.all(reads), waitMs);
  return parts.slice();
}

function errorBodyOf(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  getLogger().error({ errorName: errorName(error) }, "board snapshot: a batch read failed");
  return new AppError("internal", "Something went wrong on the server. Try again.").toBody();
}

async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([work, elapsed]);
  } finally {
    clearTimeout(timer);
  }
}
