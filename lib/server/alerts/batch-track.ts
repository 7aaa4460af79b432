import "server-only";
import { LRUCache } from "lru-cache";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { SLOW_WINDOW_MS, type BatchObservation } from "./evaluate-rule";

// What this instance saw of each batch it polls or follows: enough to tell stalled, stale and
// slow apart. Memory, not the database: each instance sees the same shared snapshots, and the
// incident row, not this, decides what is sent.

type Track = { snapshot: BatchSnapshot | null; fingerprint: string | null; failingSince: number | null; countersChangedAt: number; samples: Array<{ at: number; processed: number }> };

export type BatchTracks = {
  observeSnapshot(key: string, snapshot: BatchSnapshot, now: number): BatchObservation;
  observeFailure(key: string, now: number): BatchObservation | null;
};

export function createBatchTracks(max = 20_000): BatchTracks {
  const tracks = new LRUCache<string, Track>({ max });
  const trackOf = (key: string, now: number): Track => {
    let track = tracks.get(key);
    if (!track) {
      track = { snapshot: null, fingerprint: null, failingSince: null, countersChangedAt: now, samples: [] };
      tracks.set(key, track);
    }
    return track;
  };
  return {
    observeSnapshot: (key, snapshot, now) => observeSnapshot(trackOf(key, now), snapshot, now),
    observeFailure: (key, now) => observeFailure(trackOf(key, now), now),
  };
}

/** A snapshot arrived (this instance's call, or another's adopted); the observation, or null before any snapshot. */
function observeSnapshot(track: Track, snapshot: BatchSnapshot, now: number): BatchObservation {
  const fingerprint = fingerprintOf(snapshot);
  if (fingerprint !== track.fingerprint) track.countersChangedAt = now;
  Object.assign(track, { snapshot, fingerprint, failingSince: null });
  track.samples.push({ at: now, processed: snapshot.processed });
  while (track.samples.length > 2 && track.samples[1]!.at < now - SLOW_WINDOW_MS) track.samples.shift();
  return observationOf(track)!;
}

/** A call failed; the batch keeps its last snapshot, and the failures' start is kept. */
function observeFailure(track: Track, now: number): BatchObservation | null {
  track.failingSince ??= now;
  return observationOf(track);
}

function observationOf(track: Track): BatchObservation | null {
  if (!track.snapshot) return null;
  return { snapshot: track.snapshot, failingSince: track.failingSince, countersChangedAt: track.countersChangedAt, samples: track.samples };
}

function fingerprintOf(snapshot: BatchSnapshot): string {
  return `${snapshot.state}|${snapshot.processed}|${snapshot.counts.map((count) => `${count.status}=${count.count}`).join(",")}`;
}
