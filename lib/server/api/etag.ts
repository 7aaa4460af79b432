import "server-only";
import { createHash } from "node:crypto";

/**
 * A JSON body written once and shared by viewers, with the validator a viewer quotes back, and
 * its UTF-8 bytes: a string body would be checked and encoded by the Response on every answer.
 */
export type TaggedJson = { json: string; bytes: Uint8Array<ArrayBuffer>; etag: string };

const encoder = new TextEncoder();

/**
 * Weak: the bytes on the wire differ when Next compresses them, the JSON does not. Computed
 * once per distinct body, so every viewer of an unchanged view pays a string comparison.
 */
export function tagJson(json: string): TaggedJson {
  const bytes = encoder.encode(json);
  return { json, bytes, etag: `W/"${createHash("sha1").update(bytes).digest("base64url")}"` };
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
