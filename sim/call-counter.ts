import type { ProviderId } from "../lib/providers/provider-id";

/** Batch-status calls per (provider, batch id), keyed "<provider>:<batchId>"; and requests an outage dropped, per provider. */
export class CallCounter {
  private readonly calls = new Map<string, number>();
  private readonly dropped = new Map<ProviderId, number>();

  countDropped(provider: ProviderId) {
    this.dropped.set(provider, (this.dropped.get(provider) ?? 0) + 1);
  }

  droppedSnapshot(): Partial<Record<ProviderId, number>> {
    return Object.fromEntries(this.dropped);
  }

  count(provider: ProviderId, batchId: string) {
    const key = `${provider}:${batchId}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  /** Total for one provider, one batch, or everything. */
  total(provider?: ProviderId, batchId?: string): number {
    let sum = 0;
    for (const [key, n] of this.calls) {
      const [keyProvider, ...rest] = key.split(":");
      const keyBatch = rest.join(":");
      if (provider && keyProvider !== provider) continue;
      if (batchId !== undefined && keyBatch !== batchId) continue;
      sum += n;
    }
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  reset() {
    this.calls.clear();
    this.dropped.clear();
  }
}
