import "server-only";
import type { Kysely } from "kysely";
import { isProviderId, type ProviderId } from "@/lib/providers/provider-id";
import type { Database } from "../db/schema";

/** Who the poller's viewer metric names for these reads: not a person. */
const ALERTS_VIEWER = "system:alerts";

export type WatchedTarget = { teamId: string; connectionId: string; provider: string; batchId: string };

/**
 * Every batch some rule covers (its own, or on a rule's board), once each. Read as a viewer
 * would, so the scheduler keeps polling it and the evaluator sees it, with nobody's screen open:
 * that is what an alert is for. A final batch costs no call; on several instances the leases
 * still make one call per batch between them.
 */
export async function listRuleTargets(db: Kysely<Database>): Promise<WatchedTarget[]> {
  const own = await db
    .selectFrom("alert_rules")
    .select(["team_id as teamId", "connection_id as connectionId", "provider", "batch_id as batchId"])
    .where("batch_id", "is not", null)
    .execute();
  const onBoards = await db
    .selectFrom("alert_rules")
    .innerJoin("board_batches", "board_batches.board_id", "alert_rules.board_id")
    .select(["alert_rules.team_id as teamId", "board_batches.connection_id as connectionId", "board_batches.provider", "board_batches.batch_id as batchId"])
    .execute();
  const seen = new Map<string, WatchedTarget>();
  for (const target of [...own, ...onBoards]) {
    if (target.connectionId === null || target.provider === null || target.batchId === null) continue;
    const row = { teamId: target.teamId, connectionId: target.connectionId, provider: target.provider, batchId: target.batchId };
    seen.set(`${row.teamId}\n${row.connectionId}\n${row.provider}\n${row.batchId}`, row);
  }
  return [...seen.values()];
}

/** batches' readTeamBatch, handed in by start-up: the poller already depends on alerts, not the other way round. */
export type ReadBatch = (teamId: string, input: { provider: ProviderId; batchId: string; connectionId: string }, viewer: string) => Promise<unknown>;

/** One read of each; a batch that cannot be read (a removed connection) is skipped until the next round. */
export async function readRuleTargets(db: Kysely<Database>, read: ReadBatch): Promise<number> {
  const targets = await listRuleTargets(db);
  await Promise.all(
    targets.map(({ teamId, connectionId, provider, batchId }) =>
      isProviderId(provider) ? read(teamId, { provider, batchId, connectionId }, ALERTS_VIEWER).catch(() => undefined) : undefined,
    ),
  );
  return targets.length;
}
