import "server-only";
import type { ZodMiniType } from "zod/mini";
import { z } from "zod/mini";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "./response";

const uuidSchema = z.uuid();

/** Route ids are UUIDs: anything else is refused before it reaches a query. */
export function parseUuid(value: string, what: string): string {
  const parsed = uuidSchema.safeParse(value);
  if (!parsed.success) throw new AppError("not_found", `This ${what} does not exist.`);
  return parsed.data;
}

export async function parseJsonBody<T>(
  request: Request,
  schema: ZodMiniType<T>,
  hint: string,
): Promise<T> {
  const parsed = schema.safeParse(await readJsonBody(request));
  if (!parsed.success) throw new AppError("bad_request", hint);
  return parsed.data;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin the browser used, for links people copy from this server. Next's request.url names
 * the address it listens on (localhost), not the one the browser typed; the Host header (or a
 * proxy's X-Forwarded-Host) does. Only the caller's own answer depends on it.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? request.headers.get("host");
  const proto = firstValue(request.headers.get("x-forwarded-proto"));
  const protocol = proto === "https" || proto === "http" ? proto : url.protocol.replace(":", "");
  return host && HOST.test(host) ? `${protocol}://${host}` : url.origin;
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
