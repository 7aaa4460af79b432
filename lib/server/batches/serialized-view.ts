import "server-only";
import { LRUCache } from "lru-cache";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import type { BatchInsights, PollingInfo } from "@/lib/batch-view";
import { tagJson, type TaggedJson } from "../api/etag";
import { processSingleton } from "../process-singleton";

/** A batch view in parts: the scheduler's snapshot, how it is polled, what history says. */
export type PolledView = { snapshot: BatchSnapshot; polling: PollingInfo; insights: BatchInsights | undefined };

type Serialized = { snapshot: BatchSnapshot; insights: BatchInsights | undefined; polling: string; body: TaggedJson };

function bodies(): LRUCache<string, Serialized> {
  return processSingleton("batches:view-bodies", () => new LRUCache<string, Serialized>({ max: 10_000 }));
}

/**
 * The view as JSON, with its ETag. Every viewer of a batch reads the same snapshot and insights
 * objects until the next poll, so the body is written once per distinct view and then shared:
 * compared by identity (a new snapshot or insights object means new content) and by the small
 * polling part, which holds the freshness fields (next update, last error).
 */
export function serializedView(key: string, view: PolledView): TaggedJson {
  const polling = JSON.stringify(view.polling);
  const cached = bodies().get(key);
  if (cached && cached.snapshot === view.snapshot && cached.insights === view.insights && cached.polling === polling) {
    return cached.body;
  }
  const body = tagJson(JSON.stringify({ ...view.snapshot, polling: view.polling, insights: view.insights }));
  bodies().set(key, { snapshot: view.snapshot, insights: view.insights, polling, body });
  return body;
}
