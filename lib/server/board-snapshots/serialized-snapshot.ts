import "server-only";
import { LRUCache } from "lru-cache";
import type { FiringAlert } from "@/lib/alerts";
import type { BoardSnapshot } from "@/lib/board-snapshot";
import { summarizeBoard } from "@/lib/board-summary";
import type { SharedView } from "@/lib/share-link";
import { tagJson, type TaggedJson } from "../api/etag";
import { processSingleton } from "../process-singleton";
import type { SnapshotPart } from "./snapshot-parts";

/** A batch whose first answer is on its way is asked for again this soon. */
export const PENDING_PACE_MS = 1_000;

type Serialized = { identities: unknown[]; body: TaggedJson };

function bodies(): LRUCache<string, Serialized> {
  return processSingleton("board-snapshots:bodies", () => new LRUCache<string, Serialized>({ max: 2_000 }));
}

/**
 * The snapshot as JSON, with its ETag. Keyed by what the board shows (`key` names the team and
 * the board's name, expiry and batches in order) and compared part by part: a batch's body is itself shared by every viewer until its
 * next poll (batches/serialized-view.ts), so an unchanged board costs one identity check per
 * batch, and a changed one is written once, by string concatenation of those bodies.
 */
export function serializedSnapshot(key: string, shown: SharedView, parts: readonly SnapshotPart[], alerts: readonly (readonly FiringAlert[])[] = []): TaggedJson {
  const alertsJson = alerts.map((list) => (list.length > 0 ? JSON.stringify(list) : null));
  const identities = [...parts.map(identityOf), ...alertsJson];
  const cached = bodies().get(key);
  if (cached && cached.identities.every((identity, index) => identity === identities[index])) return cached.body;
  const body = tagJson(snapshotJson(shown, parts, alertsJson));
  bodies().set(key, { identities, body });
  return body;
}

function identityOf(part: SnapshotPart): unknown {
  if (part.kind === "view") return part.read.body;
  if (part.kind === "error") return `${part.body.error.code}\n${part.body.error.message}`;
  return part;
}

function snapshotJson(shown: SharedView, parts: readonly SnapshotPart[], alertsJson: readonly (string | null)[]): string {
  const head: Omit<BoardSnapshot, "batches"> = {
    kind: shown.kind,
    name: shown.name,
    expiresAt: shown.expiresAt,
    summary: summarizeBoard(parts.map((part) => (part.kind === "view" ? part.read.view.snapshot : undefined))),
    pace: paceOf(parts),
  };
  const batches = shown.batches.map((batch, index) => {
    const alerts = alertsJson[index];
    const open = `${JSON.stringify(batch).slice(0, -1)}${alerts ? `,"alerts":${alerts}` : ""}`;
    const part = parts[index];
    if (part?.kind === "view") return `${open},"view":${part.read.body.json}}`;
    if (part?.kind === "error") return `${open},"error":${JSON.stringify(part.body.error)}}`;
    return `${open}}`;
  });
  return `${JSON.stringify(head).slice(0, -1)},"batches":[${batches.join(",")}]}`;
}

/** The soonest pace any batch announces: the screen asks again when the first of them may have news. */
function paceOf(parts: readonly SnapshotPart[]): BoardSnapshot["pace"] {
  let intervalMs: number | null = null;
  let nextUpdateAt: string | null = null;
  const sooner = (ms: number) => (intervalMs = intervalMs === null ? ms : Math.min(intervalMs, ms));
  for (const part of parts) {
    if (part.kind === "pending") sooner(PENDING_PACE_MS);
    if (part.kind !== "view" || part.read.view.polling.final) continue;
    const { polling } = part.read.view;
    sooner(polling.viewerPaceMs ?? polling.intervalMs);
    // ISO strings of one format compare as the times they name.
    if (polling.nextUpdateAt !== null && (nextUpdateAt === null || polling.nextUpdateAt < nextUpdateAt)) nextUpdateAt = polling.nextUpdateAt;
  }
  return { intervalMs, nextUpdateAt };
}
