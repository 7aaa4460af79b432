import "server-only";
import type { RecipientPage } from "@/lib/providers/types";
import type { RecipientRow } from "@/lib/recipient-row";
import { processSingleton } from "../process-singleton";

// Rows read from a provider are kept in memory for a short while only, so paging, searching and
// the export reuse them instead of spending the connection's budget again. Never stored, never logged.
export const RECIPIENT_LIST_TTL_MS = 30_000;
/** The most rows of one list Sendboard reads: a bound on memory and on calls, said in a note. */
export const MAX_LIST_ROWS = 2_000;
const MAX_LISTS = 200;

export type ReadRecipientPage = (cursor: string | null) => Promise<RecipientPage>;

export type RecipientList = {
  readonly rows: readonly RecipientRow[];
  /** The provider has no more rows of this list. */
  readonly complete: boolean;
  /** Sendboard stopped reading at MAX_LIST_ROWS. */
  readonly capped: boolean;
  readonly notes: readonly string[];
  /** Reads further pages until `enough` says so, the list ends, or `maxCalls` pages were read by this caller. */
  readUntil(enough: (rows: readonly RecipientRow[]) => boolean, maxCalls: number): Promise<void>;
};

type Entry = { list: RecipientList; expiresAt: number };

const lists = () => processSingleton("recipients:lists", () => new Map<string, Entry>());

/** The list under `key` (connection, batch, outcome), read with `readPage` once it is not cached or expired. */
export function recipientList(key: string, readPage: ReadRecipientPage, now = Date.now()): RecipientList {
  const cache = lists();
  const cached = cache.get(key);
  if (cached && cached.expiresAt > now) return cached.list;
  for (const [name, entry] of cache) if (entry.expiresAt <= now) cache.delete(name);
  while (cache.size >= MAX_LISTS) cache.delete(cache.keys().next().value ?? "");
  const list = createList(readPage);
  cache.set(key, { list, expiresAt: now + RECIPIENT_LIST_TTL_MS });
  return list;
}

/** Tests start from an empty cache. */
export function forgetRecipientLists() {
  lists().clear();
}

function createList(readPage: ReadRecipientPage): RecipientList {
  const rows: RecipientRow[] = [];
  const notes = new Set<string>();
  let cursor: string | null = null;
  let complete = false;
  // One page at a time: a second reader waits for the page in flight instead of asking for it too.
  let reading: Promise<void> | null = null;
  const readNext = async () => {
    const page = await readPage(cursor);
    rows.push(...page.items.slice(0, MAX_LIST_ROWS - rows.length));
    for (const note of page.notes) notes.add(note);
    cursor = page.nextCursor;
    complete = page.nextCursor === null;
  };
  const list: RecipientList = {
    rows,
    get complete() {
      return complete;
    },
    get capped() {
      return !complete && rows.length >= MAX_LIST_ROWS;
    },
    get notes() {
      return [...notes];
    },
    async readUntil(enough, maxCalls) {
      let calls = 0;
      while (!complete && !list.capped && !enough(rows)) {
        if (reading) {
          await reading;
          continue;
        }
        if (calls >= maxCalls) return;
        calls += 1;
        reading = readNext().finally(() => {
          reading = null;
        });
        await reading;
      }
    },
  };
  return list;
}

/**
 * A pushed update of one row (a Bolna execution webhook): the batch's full list ("all") has the
 * row replaced where it holds it, by execution id; its filtered lists are dropped, as the row may
 * have moved between them, and are read again when next opened. Lists on other instances expire
 * by their TTL.
 */
export function applyRecipientUpdate(listKeyPrefix: string, executionId: string, row: RecipientRow): void {
  const cache = lists();
  for (const [key, entry] of cache) {
    if (!key.startsWith(listKeyPrefix)) continue;
    if (key !== `${listKeyPrefix}all`) {
      cache.delete(key);
      continue;
    }
    const rows = entry.list.rows as RecipientRow[];
    const at = rows.findIndex((held) => held.details.executionId === executionId);
    if (at >= 0) rows[at] = row;
  }
}
