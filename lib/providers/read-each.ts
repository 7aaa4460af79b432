import "server-only";
import { AppError } from "@/lib/errors";
import { plural } from "./snapshot-parts";

type Noun = readonly [one: string, many: string];

/**
 * Reads every item it can: one the provider sent in a shape we cannot read is left out with a
 * note instead of failing the whole list. Anything but an unreadable item still throws.
 */
export function readEach<T, Item>(
  items: readonly Item[],
  read: (item: Item) => T | null,
  noun: Noun,
): { read: T[]; notes: string[] } {
  const done: T[] = [];
  let unreadable = 0;
  for (const item of items) {
    try {
      const value = read(item);
      if (value === null) unreadable += 1;
      else done.push(value);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "provider_bad_response")) throw error;
      unreadable += 1;
    }
  }
  return { read: done, notes: unreadable === 0 ? [] : [unreadableNote(unreadable, noun)] };
}

function unreadableNote(count: number, [one, many]: Noun): string {
  const verb = count === 1 ? "is" : "are";
  return `${plural(count, one, many)} could not be read and ${verb} left out.`;
}
