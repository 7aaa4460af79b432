/** At most `max` items spread evenly by position, always keeping the first and the last. */
export function thinEvenly<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  if (max < 2) return items.slice(-max);
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, index) => items[Math.round(index * step)]!);
}
