import "server-only";
import { z, type ZodMiniType } from "zod/mini";
import { AppError } from "@/lib/errors";

// Everything a route reads from a request goes through here: bodies and queries are 400s that name
// the first problem, ids are 404s. No message ever echoes a value, which may be a key or a password.

/** The one place a request body is read. */
export async function readBody(request: Request): Promise<unknown> {
  try {
    return (await request.json()) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
}

/**
 * The body, checked with the schema the client shares. The 400 says `hint` when one is given,
 * else it names the first problem (field and reason).
 */
export async function parseBody<T>(
  request: Request,
  schema: ZodMiniType<T>,
  hint?: string,
): Promise<T> {
  return checked(schema, await readBody(request), hint);
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

function checked<T>(schema: ZodMiniType<T>, value: unknown, hint: string | undefined): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (hint !== undefined) throw new AppError("bad_request", hint);
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw new AppError("bad_request", `${field}${issue?.message ?? "The request is not valid."}`);
}
