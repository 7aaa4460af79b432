import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallCounter } from "./call-counter";
import type { SimState } from "./state";
import { isLoopbackAddress } from "./loopback";
import { sendJson } from "./respond";
import { SIM_SCENARIOS } from "./scenarios";

export const CONTROL_PREFIX = "/__sim/";

type Controls = { counter: CallCounter; outage: { on: boolean }; state: SimState };

/**
 * /__sim/: call statistics, resets and outages for tests and benchmarks. No auth, so loopback only.
 * stats: batch-status calls per "<provider>:<batchId>", and requests dropped by an outage per provider.
 */
export function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string, { counter, outage, state }: Controls) {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return sendJson(res, 403, { error: "The simulator control surface is loopback only." });
  }
  const action = `${req.method ?? "GET"} ${pathname.slice(CONTROL_PREFIX.length)}`;
  switch (action) {
    case "GET stats":
      return sendJson(res, 200, { calls: counter.snapshot(), dropped: counter.droppedSnapshot() });
    case "POST reset":
      counter.reset();
      return sendJson(res, 200, { calls: {} });
    // An outage drops every provider connection until it is lifted: "the provider is down".
    case "POST outage":
      outage.on = true;
      return sendJson(res, 200, { outage: true });
    case "DELETE outage":
      outage.on = false;
      return sendJson(res, 200, { outage: false });
    // Separate from the counts: resetting them must not undo another test's pause or stop.
    case "POST state/reset":
      state.reset();
      return sendJson(res, 200, { state: "reset" });
    case "GET scenarios":
      return sendJson(res, 200, SIM_SCENARIOS);
    default:
      return sendJson(res, 404, { error: "Unknown simulator control path." });
  }
}
