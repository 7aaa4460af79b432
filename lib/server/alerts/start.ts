import "server-only";
import { getDb } from "../db/database";
import { errorName, getLogger } from "../logger";
import { processSingleton } from "../process-singleton";
import { readRuleTargets, type ReadBatch } from "./watch-rule-batches";

/** Within the poller's idle window (60 s): a rule's batch never goes unpolled between rounds. */
const ROUND_MS = 20_000;

/** Once per process, at start-up. A round still running is not overlapped; the timer never keeps the process alive. */
export function startAlertWatch(read: ReadBatch): void {
  processSingleton("alerts:watch-timer", () => {
    let running = false;
    const round = () => {
      if (running) return;
      running = true;
      getDb()
        .then((db) => readRuleTargets(db, read))
        .catch((error: unknown) => getLogger().warn({ errorName: errorName(error) }, "alerts: rule batches not read, database unavailable"))
        .finally(() => (running = false));
    };
    return setInterval(round, ROUND_MS).unref();
  });
}
