import "server-only";
import { AppError } from "@/lib/errors";
import { pageSizeOf, readPageCursor } from "../page-cursor";
import type {
  AgentSummary,
  ControlResult,
  ListBatchesQuery,
  OperationContext,
  RecipientPage,
  RecipientsQuery,
  SendSummaryPage,
} from "../types";
import { bolna } from "./client";
import { normalizeBolnaAgents, normalizeBolnaBatchList } from "./list-transform";
import { bolnaProfile } from "./profile";
import { normalizeBolnaExecutionPage } from "./recipients-transform";

const NAME = bolnaProfile.name;
// The agent executions endpoint caps page_size at 50; the batch one is taken to match.
const PAGE_SIZE = { fallback: 50, max: 50 };

/** GET /v2/agent/all: a bare array, unpaged. */
export async function listBolnaAgents(context: OperationContext): Promise<AgentSummary[]> {
  const upstream = bolna(context);
  const response = await upstream.get(["v2", "agent", "all"]);
  if (response.status !== 200) throw upstream.statusError(response);
  return upstream.read(() => normalizeBolnaAgents(response.body));
}

/** GET /batches/{agent_id}/all: every batch of the agent at once (no paging upstream). */
export async function listBolnaAgentBatches(
  agentId: string,
  { status }: Pick<ListBatchesQuery, "status">,
  context: OperationContext,
): Promise<SendSummaryPage> {
  const upstream = bolna(context);
  const response = await upstream.get(["batches", agentId, "all"]);
  if (response.status === 404)
    throw new AppError("not_found", `${NAME} has no agent with this id.`);
  if (response.status !== 200) throw upstream.statusError(response);
  return upstream.read(() =>
    normalizeBolnaBatchList(response.body, { now: context.now, state: status }),
  );
}

/**
 * POST /batches/{id}/stop. Bolna answers 404 "Batch is not queued or running" both for a batch
 * that is not running and, presumably, for one it does not have: a GET of the batch tells the
 * two apart (not_allowed vs not_found), at the cost of one call and only on a refusal.
 */
export async function stopBolnaBatch(
  batchId: string,
  context: OperationContext,
): Promise<ControlResult> {
  const upstream = bolna(context);
  const response = await upstream.send("POST", ["batches", batchId, "stop"]);
  if (response.status >= 200 && response.status < 300) return { kind: "done" };
  if (response.status !== 404) throw upstream.statusError(response);
  const batch = await upstream.get(["batches", batchId]);
  if (batch.status === 404) throw upstream.statusError(batch);
  return {
    kind: "refused",
    reason: "not_allowed",
    message: `${NAME} can stop a batch only while it is queued or running, and this one is not.`,
  };
}

/**
 * GET /batches/{id}/executions?page_number=&page_size=. The paging parameters are those of
 * Bolna's agent executions; an endpoint answering a bare array ignores them and is paged here.
 */
export async function listBolnaExecutions(
  batchId: string,
  query: RecipientsQuery,
  context: OperationContext,
): Promise<RecipientPage> {
  const upstream = bolna(context);
  const { page } = readPageCursor(query.cursor);
  const pageSize = pageSizeOf(query.pageSize, PAGE_SIZE.fallback, PAGE_SIZE.max);
  const response = await upstream.get(["batches", batchId, "executions"], {
    query: { page_number: String(page), page_size: String(pageSize) },
  });
  if (response.status !== 200) throw upstream.statusError(response);
  return upstream.read(() =>
    normalizeBolnaExecutionPage(response.body, { page, pageSize, outcome: query.outcome }),
  );
}
