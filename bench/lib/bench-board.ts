import type { ProviderId } from "../../lib/providers/provider-id";
import type { AppStack } from "./app-stack";
import { runningAlias, type AliasProvider } from "./running-aliases";

export const BOARD_SIZE = 50;
export const BOARD_PROVIDERS: readonly AliasProvider[] = ["mindo", "bolna", "migma"];
// Raised so that no batch on the board is slowed by a budget: every one polls at the running cadence.
export const BOARD_BUDGETS: Partial<Record<ProviderId, number>> = { migma: 3_000, mindo: 3_000, bolna: 3_000 };

/** A board of 50 running batches (distinct aliases of the simulator's running ones); its id, or null when this build has no boards API. */
export async function createBenchBoard(stack: AppStack): Promise<string | null> {
  const batches = Array.from({ length: BOARD_SIZE }, (_, n) => {
    const provider = BOARD_PROVIDERS[n % BOARD_PROVIDERS.length]!;
    return { provider, batchId: runningAlias(provider, n), label: `Bench ${provider} ${n + 1}` };
  });
  const response = await fetch(`${stack.baseUrl}/api/boards`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: stack.cookie },
    body: JSON.stringify({ name: "Bench wall", batches }),
  });
  if (response.status === 404) return null;
  if (!response.ok)
    throw new Error(
      `POST /api/boards answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  const body = (await response.json()) as { id?: unknown; board?: { id?: unknown } };
  const id = body.id ?? body.board?.id;
  if (typeof id !== "string") throw new Error("POST /api/boards answered without a board id.");
  return id;
}

/** The pace the server announces for the board once every batch has answered (ms between polls, at least 1 s); NaN before that. */
export async function announcedPace(stack: AppStack, boardId: string): Promise<number> {
  const response = await fetch(`${stack.baseUrl}/api/boards/${boardId}/snapshot`, { headers: { Cookie: stack.cookie } });
  if (!response.ok) return Number.NaN;
  const body = (await response.json()) as { pace?: { intervalMs?: number | null }; batches?: { view?: unknown }[] };
  if (!body.batches?.every((batch) => batch.view !== undefined)) return Number.NaN;
  const interval = body.pace?.intervalMs;
  return typeof interval === "number" ? Math.max(1_000, interval) : Number.NaN;
}
