import "server-only";
import type { Kysely } from "kysely";
import type { SendSummary } from "@/lib/send-summary";
import type { ResolvedConnection } from "../connections";
import type { Database } from "../db/schema";
import { readLatestSnapshots } from "../history";
import { pollKeyToString } from "../polling";

/** A batch Sendboard knows of on this connection, and since when (the first time it was added anywhere). */
export type SeenBatch = { batchId: string; firstSeenAt: string };

/**
 * The connection's batches on the team's watched list or one of its boards. (The SendGrid webhook's
 * tallies add their own, listSeenSendGridBatchIds, where the two branches meet.)
 */
export async function listSeenBatches(db: Kysely<Database>, teamId: string, connection: ResolvedConnection): Promise<SeenBatch[]> {
  const watched = db
    .selectFrom("watched_batches")
    .select(["batch_id", "added_at"])
    .where("team_id", "=", teamId)
    .where("connection_id", "=", connection.id)
    .where("provider", "=", connection.provider);
  const onBoards = db
    .selectFrom("board_batches")
    .innerJoin("boards", "boards.id", "board_batches.board_id")
    .select(["board_batches.batch_id", "board_batches.added_at"])
    .where("boards.team_id", "=", teamId)
    .where("board_batches.connection_id", "=", connection.id)
    .where("board_batches.provider", "=", connection.provider);
  const rows = await watched.unionAll(onBoards).execute();
  const first = new Map<string, string>();
  for (const row of rows) {
    const known = first.get(row.batch_id);
    if (!known || row.added_at < known) first.set(row.batch_id, row.added_at);
  }
  return [...first].map(([batchId, firstSeenAt]) => ({ batchId, firstSeenAt }));
}

/** What Sendboard last saw of each batch (its newest stored snapshot), or "unknown" when it never polled it. */
export async function summariesOfSeen(db: Kysely<Database>, connection: ResolvedConnection, seen: SeenBatch[]): Promise<SendSummary[]> {
  const keyOf = (batchId: string) => pollKeyToString({ connectionId: connection.id, provider: connection.provider, batchId });
  const snapshots = await readLatestSnapshots(db, seen.map((batch) => keyOf(batch.batchId)));
  return seen.map(({ batchId, firstSeenAt }) => {
    const snapshot = snapshots.get(keyOf(batchId));
    return {
      provider: connection.provider,
      batchId,
      name: snapshot?.name ?? null,
      state: snapshot?.state ?? "unknown",
      providerStatus: snapshot?.providerStatus ?? null,
      total: snapshot?.total ?? null,
      processed: snapshot?.processed ?? 0,
      // SendGrid never says when a batch was made: when Sendboard first saw it orders the list.
      createdAt: snapshot?.createdAt ?? firstSeenAt,
      scheduledAt: snapshot?.scheduledAt ?? null,
    };
  });
}

/** The team's watched batch ids on this connection, for each row's `watched`. */
export async function watchedBatchIds(db: Kysely<Database>, teamId: string, connection: ResolvedConnection): Promise<Set<string>> {
  const rows = await db
    .selectFrom("watched_batches")
    .select("batch_id")
    .where("team_id", "=", teamId)
    .where("connection_id", "=", connection.id)
    .where("provider", "=", connection.provider)
    .execute();
  return new Set(rows.map((row) => row.batch_id));
}
