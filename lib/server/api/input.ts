import "server-only";
import { z, type ZodMiniType } from "zod/mini";
import { AppError } from "@/lib/errors";
import { readBodyBytes } from "./body-bytes";

// Everything a route reads from a request goes through here: bodies and queries are 400s that name
// the first problem, ids are 404s. No message ever echoes a value, which may be a key or a password.

/** What an ordinary JSON endpoint accepts; one that needs more says so (`maxBytes`). */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** `hint` replaces the 400's message (an unknown field is still named); `maxBytes` the body cap. */
export type BodyOptions = { hint?: string; maxBytes?: number };

const decoder = new TextDecoder();

/**
 * The one place a JSON body is read: any other Content-Type is 415 before a byte is read (a form
 * or a no-preflight fetch from another site cannot send application/json), and the body is
 * capped while it streams (413).
 */
export async function readBody(request: Request, maxBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<unknown> {
  if (!isJson(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json.");
  }
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return JSON.parse(decoder.decode(bytes)) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
}

/**
 * The body, checked with the schema the client shares. The 400 says `hint` when one is given,
 * else it names the first problem (field and reason); a field the schema does not know is always
 * named, since every body schema is strict.
 */
export async function parseBody<T>(
  request: Request,
  schema: ZodMiniType<T>,
  options?: string | BodyOptions,
): Promise<T> {
  const { hint, maxBytes } = typeof options === "string" ? { hint: options, maxBytes: undefined } : (options ?? {});
  return checked(schema, await readBody(request, maxBytes), hint);
}

/** The query string, the first value of each name, checked like a body. */
export function parseQuery<T>(
  url: Pick<URL, "searchParams">,
  schema: ZodMiniType<T>,
  hint?: string,
): T {
  const first = new Map<string, string>();
  for (const [name, value] of url.searchParams) if (!first.has(name)) first.set(name, value);
  return checked(schema, Object.fromEntries(first), hint);
}

/** An id from the path: a malformed one names nothing, exactly like an unknown one (404). */
export function parseId<T>(value: unknown, schema: ZodMiniType<T>, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("not_found", `This ${what} does not exist.`);
  return parsed.data;
}

const uuidSchema = z.uuid();

/** Stored records are named by UUIDs: anything else is refused before it reaches a query. */
export function parseUuid(value: string, what: string): string {
  return parseId(value, uuidSchema, what);
}

function isJson(contentType: string | null): boolean {
  const mediaType = contentType?.split(";", 1)[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

function checked<T>(schema: ZodMiniType<T>, value: unknown, hint: string | undefined): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const unknown = parsed.error.issues.find((issue) => issue.code === "unrecognized_keys");
  if (unknown?.code === "unrecognized_keys") {
    throw new AppError("bad_request", `${fieldOf(unknown.path)}Unknown field ${namesOf(unknown.keys)}.`);
  }
  if (hint !== undefined) throw new AppError("bad_request", hint);
  const issue = parsed.error.issues[0];
  throw new AppError("bad_request", `${fieldOf(issue?.path ?? [])}${issue?.message ?? "The request is not valid."}`);
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.length > 0 ? `${path.map(String).join(".")}: ` : "";
}

// A key is the client's own text: quoted, shortened, and only the first few.
function namesOf(keys: string[]): string {
  return keys
    .slice(0, 3)
    .map((key) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key))
    .join(", ");
}
