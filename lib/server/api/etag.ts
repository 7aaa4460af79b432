import "server-only";
import { createHash } from "node:crypto";

/** A JSON body written once and shared by viewers, with the validator a viewer quotes back. */
export type TaggedJson = { json: string; etag: string };

/**
 * Weak: the bytes on the wire differ when Next compresses them, the JSON does not. Computed
 * once per distinct body, so every viewer of an unchanged view pays a string comparison.
 */
export function tagJson(json: string): TaggedJson {
  return { json, etag: `W/"${createHash("sha1").update(json).digest("base64url")}"` };
}

/** Whether the viewer already holds this body: any of the tags it quotes (or `*`) matches. */
export function holdsCurrent(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed === etag || `W/${trimmed}` === etag;
  });
}
