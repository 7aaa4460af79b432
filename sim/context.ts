import type { IncomingMessage, ServerResponse } from "node:http";
import type { ProviderId } from "../lib/providers/provider-id";
import type { Run } from "./progress";
import type { SimState } from "./state";

/** The batch runs every scenario is drawn from; all are fixed when the simulator starts. */
export type SimRuns = {
  /** `running`: from startedAt over durationSeconds. */
  main: Run;
  /** `running-fast`: from startedAt over 60 s. */
  fast: Run;
  /** Finished batches: ran for ten minutes, three hours before startedAt. */
  past: Run;
};

/** Everything a route handler needs for one request. */
export type SimContext = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Wall time of this request, ms since the epoch. */
  now: number;
  runs: SimRuns;
  slowMs: number;
  keys: Readonly<Record<ProviderId, string>>;
  countCall(provider: ProviderId, batchId: string): void;
  /** What control calls changed (paused SendGrid batches, stopped Bolna ones, …). */
  state: SimState;
  /** Aborts when the client goes away or the simulator closes. */
  signal: AbortSignal;
};

export type ProviderSim = {
  id: ProviderId;
  /** Whether a path belongs to this provider's API (then it answers even unknown paths). */
  owns(pathname: string): boolean;
  handle(ctx: SimContext): Promise<void>;
};
