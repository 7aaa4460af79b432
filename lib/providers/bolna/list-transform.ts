import "server-only";
import type { BatchState } from "@/lib/batch-snapshot";
import { parsePayload } from "../payload";
import { readEach } from "../read-each";
import { newestFirst, summaryOf, withState } from "../send-summaries";
import type { AgentSummary, SendSummaryPage } from "../types";
import { bolnaAgentSchema, bolnaBatchIdSchema, bolnaListSchema } from "./operations-schema";
import { bolnaProfile } from "./profile";
import { normalizeBolnaBatch } from "./transform";

const NAME = bolnaProfile.name;

/** GET /v2/agent/all → the agents; one without an id cannot be listed and is skipped. */
export function normalizeBolnaAgents(raw: unknown): AgentSummary[] {
  const { read } = readEach(
    parsePayload(bolnaListSchema, raw, NAME),
    (item) => {
      const agent = bolnaAgentSchema.safeParse(item).data;
      return agent
        ? {
            id: agent.id,
            name: agent.agent_name,
            status: agent.agent_status,
            createdAt: agent.created_at,
          }
        : null;
    },
    ["agent", "agents"],
  );
  return read;
}

/**
 * GET /batches/{agent_id}/all → the agent's batches, newest first. Each item is a full batch
 * object, so it goes through the batch transform: state and progress match the batch page.
 */
export function normalizeBolnaBatchList(
  raw: unknown,
  { now, state }: { now: Date; state?: BatchState },
): SendSummaryPage {
  const { read, notes } = readEach(
    parsePayload(bolnaListSchema, raw, NAME),
    (item) => {
      const id = bolnaBatchIdSchema.safeParse(item).data?.batch_id;
      if (!id) return null;
      const snapshot = normalizeBolnaBatch(item, { batchId: id, now });
      return summaryOf(
        snapshot,
        typeof snapshot.details.fileName === "string" ? snapshot.details.fileName : null,
      );
    },
    ["batch of this agent", "batches of this agent"],
  );
  return { items: withState(newestFirst(read), state), nextCursor: null, notes };
}
