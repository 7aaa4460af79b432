import { Agent } from "node:http";
import { timedGet } from "./http-get";
import type { ScaleBatch } from "./scale-batches";
import { sleep } from "./sleep";

// Checks this often whether a paused watcher is wanted again.
const IDLE_CHECK_MS = 1_000;
const FIRST_PACE_MS = 2_000;

type Polling = { nextUpdateAt: string | null; intervalMs: number; viewerPaceMs?: number; final: boolean };

/** What the watchers saw since the last `take()`. */
export type WatchTally = {
  reads: number;
  ok: number;
  notModified: number;
  failed: number;
  /** ms after the promised next update that each read asked (0 when on time), as the app's scheduler-lag metric counts it. */
  lagMs: number[];
  /** The poll interval the answers announced, one per 200. */
  intervalMs: number[];
  /** Batches whose last answer said running. */
  running: Set<string>;
};

export type BatchWatchers = {
  /** Adds batches, each watched by the fleet's viewers from now on. */
  add(batches: readonly ScaleBatch[]): void;
  /** How many of each batch's viewers poll (the rest wait), at most the fleet's count. */
  setActive(viewers: number): void;
  /** The tally since the previous take, and a fresh one from now. */
  take(): WatchTally;
  /** Batches whose latest answer said running (across all takes). */
  runningCount(): number;
  stop(): Promise<void>;
};

/**
 * Viewers of batch pages as HTTP clients: each asks GET /api/batches/{provider}/{id} quoting the
 * ETag it holds, then again after the pace the answer announced (polling.viewerPaceMs, else
 * intervalMs, at least 1 s), as the batch page does; a final batch is not asked again.
 */
export function startBatchWatchers(options: { baseUrl: string; cookie: string; viewersPerBatch: number; sockets: number }): BatchWatchers {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets });
  const loops: Promise<void>[] = [];
  const state = { stopped: false, active: options.viewersPerBatch };
  const latestState = new Map<string, string>();
  let tally = emptyTally();

  const watch = async (batch: ScaleBatch, index: number) => {
    const url = `${options.baseUrl}/api/batches/${batch.provider}/${encodeURIComponent(batch.batchId)}`;
    const key = `${batch.provider}:${batch.batchId}`;
    let etag: string | null = null;
    let polling: Polling | null = null;
    let pace = FIRST_PACE_MS;
    // Viewers of one batch spread over its pace, as tabs opened at different moments are.
    await sleep(Math.random() * FIRST_PACE_MS);
    while (!state.stopped) {
      if (index >= state.active) {
        await sleep(IDLE_CHECK_MS);
        continue;
      }
      const started = Date.now();
      const headers: Record<string, string> = { Cookie: options.cookie, Accept: "application/json" };
      if (etag) headers["If-None-Match"] = etag;
      const answer = await timedGet(url, { agent, headers, timeoutMs: 15_000, keepBody: true });
      if (state.stopped) break;
      tally.reads += 1;
      if (answer.status === 200) {
        tally.ok += 1;
        const body = parseBody(answer.body);
        etag = answer.etag;
        polling = body?.polling ?? null;
        if (body?.state) {
          latestState.set(key, body.state);
          if (body.state === "running") tally.running.add(key);
        }
        if (polling) tally.intervalMs.push(polling.intervalMs);
      } else if (answer.status === 304) tally.notModified += 1;
      else tally.failed += 1;
      if (answer.status === 200 || answer.status === 304) tally.lagMs.push(lateBy(polling, started));
      if (polling?.final) return;
      pace = polling ? Math.max(1_000, polling.viewerPaceMs ?? polling.intervalMs) : pace;
      await sleep(started + pace - Date.now());
    }
  };

  return {
    add(batches) {
      for (const batch of batches)
        for (let index = 0; index < options.viewersPerBatch; index += 1) loops.push(watch(batch, index));
    },
    setActive(viewers) {
      state.active = Math.min(viewers, options.viewersPerBatch);
    },
    take() {
      const taken = tally;
      tally = emptyTally();
      return taken;
    },
    runningCount: () => [...latestState.values()].filter((value) => value === "running").length,
    async stop() {
      state.stopped = true;
      await Promise.race([Promise.all(loops), sleep(20_000)]);
      agent.destroy();
    },
  };
}

function emptyTally(): WatchTally {
  return { reads: 0, ok: 0, notModified: 0, failed: 0, lagMs: [], intervalMs: [], running: new Set() };
}

/** How late the snapshot this read got was against the update it promised, at the moment of asking. */
function lateBy(polling: Polling | null, askedAt: number): number {
  const promised = Date.parse(polling?.nextUpdateAt ?? "");
  return Number.isFinite(promised) ? Math.max(0, askedAt - promised) : 0;
}

function parseBody(body: string | null): { state?: string; polling?: Polling } | null {
  try {
    return JSON.parse(body ?? "") as { state?: string; polling?: Polling };
  } catch {
    return null;
  }
}
