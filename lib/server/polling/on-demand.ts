import "server-only";
import type { ResolvedConnection } from "../connections";

// PASS-THROUGH, replaced at merge by the scheduler's on-demand lane ("discover", issue 13 §1):
// there it spends `calls` of the connection's budget (same window, holds, breaker, PostgreSQL-shared
// budget), keeps the reserve for status polls, and throws AppError("provider_busy", …,
// { retryAfterSeconds }) promptly when it cannot run now. Keep this signature exactly.
export async function runOnDemand<T>(
  connection: ResolvedConnection,
  calls: number,
  run: () => Promise<T>,
): Promise<T> {
  void connection;
  void calls;
  return run();
}
