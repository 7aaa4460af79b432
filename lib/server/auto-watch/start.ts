import "server-only";
import { getDb } from "../db/database";
import { errorName, getLogger } from "../logger";
import { processSingleton } from "../process-singleton";
import { runDueAutoWatchRules } from "./run-rules";

/** How often an instance asks which rules are due; each rule itself lists every AUTO_WATCH_LIST_MS. */
const TICK_MS = 5_000;

/** Once per process, at start-up. A tick still running (a slow provider) is not overlapped; the timer never keeps the process alive. */
export function startAutoWatch(): void {
  processSingleton("auto-watch:timer", () => {
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      getDb()
        .then((db) => runDueAutoWatchRules(db))
        .catch((error: unknown) => getLogger().warn({ errorName: errorName(error) }, "auto-watch: skipped, database unavailable"))
        .finally(() => (running = false));
    };
    return setInterval(tick, TICK_MS).unref();
  });
}
