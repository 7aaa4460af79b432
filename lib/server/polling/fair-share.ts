export type Share = { intervalMs: number; limited: boolean };

/**
 * Max-min fair split of a connection's polls per minute among its batches: a batch that wants
 * less than an equal share keeps its own cadence, the rest share what is left equally.
 * Returns, in input order, the interval each batch gets.
 */
export function shareBudget(cadencesMs: readonly number[], pollsPerMinute: number): Share[] {
  const wants = cadencesMs.map((cadenceMs) => 60_000 / cadenceMs);
  const order = wants.map((_, index) => index).sort((a, b) => wants[a]! - wants[b]!);
  const shares = new Array<Share>(cadencesMs.length);
  let remaining = pollsPerMinute;
  order.forEach((index, position) => {
    const equalShare = remaining / (order.length - position);
    if (wants[index]! <= equalShare * (1 + 1e-9)) {
      shares[index] = { intervalMs: cadencesMs[index]!, limited: false };
      remaining -= wants[index]!;
    } else {
      // The tolerance only absorbs float noise (60000 / (10 / 30) is 180000.00000000003).
      shares[index] = { intervalMs: Math.ceil(60_000 / equalShare - 1e-6), limited: true };
      remaining -= equalShare;
    }
  });
  return shares;
}
