import "server-only";
import { getPoller } from "./poller";
import type { ResolvedConnection } from "../connections";

/**
 * The on-demand lane: list and recipient calls spend `calls` requests of the connection's budget
 * through the same scheduler as status polls (its window, holds, breaker and, on PostgreSQL, the
 * budget every instance counts). They may use at most POLL_CADENCE.onDemand.maxShare of any
 * rolling minute and never the next poll's slot; when that leaves no room now this throws
 * provider_busy (503, Retry-After) at once instead of waiting. run's own errors pass through.
 */
export function runOnDemand<T>(connection: ResolvedConnection, calls: number, run: () => Promise<T>): Promise<T> {
  return getPoller().runOnDemand(connection, calls, run);
}
