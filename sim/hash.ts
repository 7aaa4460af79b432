/** A stable pseudo-random number in [0, 1) for a tuple, so generated rows never change between calls. */
export function unitHashOf(...parts: readonly (string | number)[]): number {
  // FNV-1a over the joined parts, then one multiply-xorshift round to spread the low bits.
  let hash = 0x811c9dc5;
  for (const char of parts.join("\u0000")) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) / 2 ** 32;
}

/** `digits` decimal digits drawn from the tuple. */
export function digitsOf(count: number, ...parts: readonly (string | number)[]): string {
  let text = "";
  for (let i = 0; text.length < count; i++)
    text += String(Math.floor(unitHashOf(...parts, i) * 1e6)).padStart(6, "0");
  return text.slice(0, count);
}

/** One item of a weighted list, picked by a unit number. */
export function pickWeighted<T>(items: readonly (readonly [T, number])[], unit: number): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let threshold = unit * total;
  for (const [item, weight] of items) {
    threshold -= weight;
    if (threshold < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** A UUID-shaped id (version 4 layout) drawn from the tuple. */
export function uuidOf(...parts: readonly (string | number)[]): string {
  const hex = Array.from({ length: 8 }, (_, i) =>
    Math.floor(unitHashOf(...parts, i) * 0x10000)
      .toString(16)
      .padStart(4, "0"),
  ).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
