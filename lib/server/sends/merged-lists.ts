import "server-only";
import type { BatchState } from "@/lib/batch-snapshot";
import type { SendSummaryPage } from "@/lib/providers/types";
import type { SendSummary } from "@/lib/send-summary";
import type { ResolvedConnection } from "../connections";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { listSeenBatches, summariesOfSeen } from "./seen-batches";
import { fetchAgentBatches, fetchAgents, fetchBatchPage } from "./upstream-lists";

// The lists Sendboard puts together itself, whole, before its own paging: Bolna's agent by agent,
// SendGrid's paused and cancelled batches with those Sendboard has seen.

export type SendList = Pick<SendSummaryPage, "items" | "notes">;

export async function listPerAgentSends(connection: ResolvedConnection, status: BatchState | undefined): Promise<SendList> {
  const agents = await fetchAgents(connection);
  const lists = await Promise.all(agents.map((agent) => fetchAgentBatches(connection, agent.id, status)));
  return { items: newestFirst(lists.flatMap((list) => list.items)), notes: unique(lists.flatMap((list) => list.notes)) };
}

const SENDGRID_NOTE =
  "SendGrid lists only paused and cancelled batches; the others shown are those Sendboard has seen (on the watched list or a board).";

export async function listHeldAndSeenSends(db: Kysely<Database>, teamId: string, connection: ResolvedConnection, status: BatchState | undefined): Promise<SendList> {
  const held = await fetchBatchPage(connection, { status });
  const heldIds = new Set(held.items.map((item) => item.batchId));
  const seen = (await listSeenBatches(db, teamId, connection)).filter((batch) => !heldIds.has(batch.batchId));
  const summaries = (await summariesOfSeen(db, connection, seen)).filter((item) => status === undefined || item.state === status);
  return { items: newestFirst([...held.items, ...summaries]), notes: unique([SENDGRID_NOTE, ...held.notes]) };
}

/** By creation (or send) time, newest first; a send that says neither goes last. */
export function newestFirst(items: SendSummary[]): SendSummary[] {
  const timeOf = (item: SendSummary) => Date.parse(item.createdAt ?? item.scheduledAt ?? "") || Number.NEGATIVE_INFINITY;
  return [...items].sort((a, b) => timeOf(b) - timeOf(a));
}

function unique(notes: string[]): string[] {
  return [...new Set(notes)];
}
