import type { ProviderId } from "../lib/providers/provider-id";
import { fixed, formatTable } from "./lib/report";
import type { WatchedBatch } from "./lib/viewers";

export const MAX_RATIO = 1.05;
export const MIN_SERVED = 0.99;

export type BatchRun = { batch: WatchedBatch; calls: number; allowed: number; intervalMs: number };
export type ProviderRun = { provider: ProviderId; budget: number; busiestMinute: number };
export type AmplificationRun = {
  viewers: number;
  seconds: number;
  batches: BatchRun[];
  providers: ProviderRun[];
  served: number;
  rps: number;
  p99: number;
};

export const totalCalls = (run: AmplificationRun) =>
  run.batches.reduce((sum, item) => sum + item.calls, 0);

/** Every missed target of one run, in words; empty when all are met. */
export function judgeRun(run: AmplificationRun): string[] {
  const v = `V=${run.viewers}`;
  return [
    ...run.batches
      .filter(({ intervalMs }) => Number.isNaN(intervalMs))
      .map(({ batch }) => `${v} ${batch.label}: no answer read, nothing to compare`),
    ...run.batches
      .filter(
        ({ calls, allowed, intervalMs }) =>
          !Number.isNaN(intervalMs) && !(calls / allowed <= MAX_RATIO),
      )
      .map(
        ({ batch, calls, allowed }) => `${v} ${batch.label}: ${calls} calls, ${allowed} allowed`,
      ),
    ...run.providers
      .filter(({ budget, busiestMinute }) => Number.isFinite(budget) && !(busiestMinute <= budget))
      .map((p) => `${v} ${p.provider}: ${p.busiestMinute} calls in a minute, budget ${p.budget}`),
    ...(run.served < MIN_SERVED
      ? [`${v}: only ${fixed(run.served * 100, 1)} % of viewer requests answered 200`]
      : []),
  ];
}

export function describeRun(run: AmplificationRun): string[] {
  const perMinute = (calls: number) => fixed(calls / (run.seconds / 60), 1);
  const rows = [["batch", "interval s", "calls", "calls/min", "allowed", "ratio"]];
  for (const { batch, intervalMs, calls, allowed } of run.batches) {
    const interval = fixed(intervalMs / 1_000, 1);
    rows.push([
      batch.label,
      interval,
      String(calls),
      perMinute(calls),
      String(allowed),
      fixed(calls / allowed),
    ]);
  }
  const calls = totalCalls(run);
  const allowed = run.batches.reduce((sum, item) => sum + item.allowed, 0);
  rows.push([
    "all batches",
    "",
    String(calls),
    perMinute(calls),
    String(allowed),
    fixed(calls / allowed),
  ]);
  const budgets = run.providers.map(
    (p) => `${p.provider} ${p.busiestMinute}/${Number.isFinite(p.budget) ? p.budget : "unknown"}`,
  );
  return [
    `V = ${run.viewers}: viewers got ${fixed(run.rps, 0)} answers/s (p99 ${fixed(run.p99, 0)} ms, ${fixed(run.served * 100, 1)} % HTTP 200)`,
    ...formatTable(rows).map((line) => `  ${line}`),
    `  busiest rolling minute, upstream calls/budget: ${budgets.join(", ")}`,
  ];
}
