import "server-only";
import { LRUCache } from "lru-cache";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { UpstreamObserver } from "@/lib/providers/types";
import { processSingleton } from "./process-singleton";

// Prometheus metrics, one registry per process (Next may load this module in several bundles).
type Metrics = ReturnType<typeof createMetrics>;

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sendboard_process_" });
  const upstreamCalls = new Counter({
    name: "sendboard_upstream_calls_total",
    help: "HTTP calls to providers, by provider and outcome (HTTP status class or failure kind).",
    labelNames: ["provider", "outcome"] as const,
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: "sendboard_upstream_errors_total",
    help: "Provider calls that did not yield a batch, by provider and error code.",
    labelNames: ["provider", "code"] as const,
    registers: [registry],
  });
  const upstreamLatency = new Histogram({
    name: "sendboard_upstream_latency_seconds",
    help: "Time until a provider answered.",
    labelNames: ["provider"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  const budgetPerMinute = new Gauge({
    name: "sendboard_budget_per_minute",
    help: "Calls per minute a connection may spend (its request budget).",
    labelNames: ["provider", "connection"] as const,
    registers: [registry],
  });
  const schedulerLag = new Histogram({
    name: "sendboard_scheduler_lag_seconds",
    help: "How late a snapshot was against the time the scheduler promised, seen at read time.",
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const snapshotAge = new Histogram({
    name: "sendboard_snapshot_age_seconds",
    help: "Age of the snapshot served to a viewer.",
    labelNames: ["provider"] as const,
    buckets: [1, 2, 5, 10, 30, 60, 300, 1800],
    registers: [registry],
  });
  const viewers = new LRUCache<string, true>({ max: 50_000, ttl: 60_000 });
  new Gauge({
    name: "sendboard_active_viewers",
    help: "Distinct viewers (sessions or share links) that read a batch in the last minute.",
    registers: [registry],
    collect() {
      viewers.purgeStale();
      this.set(viewers.size);
    },
  });
  return { registry, upstreamCalls, upstreamErrors, upstreamLatency, budgetPerMinute, schedulerLag, snapshotAge, viewers };
}

export function getMetrics(): Metrics {
  return processSingleton("metrics", createMetrics);
}

export function recordUpstreamCall(provider: string, outcome: string, seconds: number): void {
  const metrics = getMetrics();
  metrics.upstreamCalls.inc({ provider, outcome });
  metrics.upstreamLatency.observe({ provider }, seconds);
}

export function recordUpstreamError(provider: string, code: string): void {
  getMetrics().upstreamErrors.inc({ provider, code });
}

/** What adapters are given, so their calls and failures land in these counters. */
export const upstreamMetrics: UpstreamObserver = { onCall: recordUpstreamCall, onError: recordUpstreamError };

/** A viewer seen without a batch read of its own (a board snapshot shared with other viewers). */
export function recordViewer(viewer: string): void {
  getMetrics().viewers.set(viewer, true);
}

/** One read of a batch by a viewer: who (an opaque id), how old the data was, how late the scheduler is. */
export function recordBatchRead(read: {
  viewer: string;
  provider: string;
  connectionId: string;
  budgetPerMinute: number;
  fetchedAt: number | null;
  nextPollAt: number | null;
  now: number;
}): void {
  const metrics = getMetrics();
  metrics.viewers.set(read.viewer, true);
  metrics.budgetPerMinute.set({ provider: read.provider, connection: read.connectionId }, read.budgetPerMinute);
  if (read.fetchedAt !== null) metrics.snapshotAge.observe({ provider: read.provider }, (read.now - read.fetchedAt) / 1000);
  if (read.nextPollAt !== null && read.now > read.nextPollAt) metrics.schedulerLag.observe((read.now - read.nextPollAt) / 1000);
}
