import "server-only";
import { AppError } from "@/lib/errors";
import { getAdapter } from "@/lib/providers/registry";
import type { BatchState } from "@/lib/batch-snapshot";
import type { AgentSummary, OperationContext, ProviderOperations, SendSummaryPage } from "@/lib/providers/types";
import { providerAccessFor, type ResolvedConnection } from "../connections";
import { getEnv } from "../env";
import { runOnDemand } from "../batches";
import { AGENT_CACHE_MS, cachedList, LIST_CACHE_MS } from "./list-cache";

// The provider calls behind the recent-sends list, each one request through the on-demand lane,
// each answer cached briefly per connection and query.

function operation<K extends keyof ProviderOperations>(connection: ResolvedConnection, name: K): ProviderOperations[K] {
  const found = getAdapter(connection.provider)[name];
  if (!found) throw new AppError("internal", "This provider cannot list its sends.");
  return found.bind(getAdapter(connection.provider)) as ProviderOperations[K];
}

function contextOf(connection: ResolvedConnection): OperationContext {
  return { access: providerAccessFor(connection, getEnv().UPSTREAM_TIMEOUT_MS), now: new Date() };
}

/** One page of the provider's own list (Mindo's bulk sends, SendGrid's paused and cancelled). */
export function fetchBatchPage(connection: ResolvedConnection, query: { status?: BatchState; cursor?: string | null }): Promise<SendSummaryPage> {
  const listBatches = operation(connection, "listBatches");
  const key = `${connection.id}:batches:${query.status ?? ""}:${query.cursor ?? ""}`;
  return cachedList(key, LIST_CACHE_MS, () => runOnDemand(connection, 1, () => listBatches(query, contextOf(connection))));
}

export function fetchAgents(connection: ResolvedConnection): Promise<AgentSummary[]> {
  const listAgents = operation(connection, "listAgents");
  return cachedList(`${connection.id}:agents`, AGENT_CACHE_MS, () => runOnDemand(connection, 1, () => listAgents(contextOf(connection))));
}

/** One agent's batches; an agent removed since the agents were listed has none. */
export function fetchAgentBatches(connection: ResolvedConnection, agentId: string, status: BatchState | undefined): Promise<SendSummaryPage> {
  const listAgentBatches = operation(connection, "listAgentBatches");
  const key = `${connection.id}:agent:${agentId}:${status ?? ""}`;
  return cachedList(key, LIST_CACHE_MS, () =>
    runOnDemand(connection, 1, () => listAgentBatches(agentId, { status }, contextOf(connection))).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") return { items: [], nextCursor: null, notes: [] };
      throw error;
    }),
  );
}
