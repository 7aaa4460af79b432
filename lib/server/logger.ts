import "server-only";
import pino from "pino";
import { processSingleton } from "./process-singleton";

// Structured JSON logs. Anything that could hold a secret is redacted by name, and callers log
// ids and codes, never request bodies or provider payloads.
const REDACT = [
  "apiKey",
  "*.apiKey",
  "key",
  "*.key",
  "token",
  "*.token",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
];

export function getLogger(): pino.Logger {
  return processSingleton("logger", createLogger);
}

function createLogger(): pino.Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { service: "sendboard" },
      redact: { paths: REDACT, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Asynchronous: lines logged while a write is under way leave together in the next one, so a
    // busy server makes a few writes instead of one per request. pino flushes what is left on exit.
    pino.destination({ dest: 1, sync: false }),
  );
}

/** The request line's fields: ids, codes, numbers and route shapes, chosen by the caller, never a secret. */
export type RequestLine = Record<string, string | number | null>;

/**
 * The one line per API request, written straight to the logger's stream in pino's shape (level,
 * time, service, the fields, msg). pino's generic path (serializers, wildcard redaction) cost more
 * than the trivial route's own work, and nothing here needs it: every field is one of ours.
 */
export function logRequest(fields: RequestLine): void {
  const logger = getLogger();
  if (!logger.isLevelEnabled("info")) return;
  let line = `{"level":30,"time":"${new Date().toISOString()}","service":"sendboard"`;
  for (const name in fields) line += `,${JSON.stringify(name)}:${JSON.stringify(fields[name])}`;
  requestStream(logger).write(`${line},"msg":"request"}\n`);
}

function requestStream(logger: pino.Logger): { write: (line: string) => unknown } {
  return (logger as unknown as Record<symbol, { write: (line: string) => unknown }>)[pino.symbols.streamSym]!;
}

/** Paths carry share and invite tokens; logs get the route shape instead. */
export function loggablePath(pathname: string): string {
  // A hook URL's token is its whole credential: it never reaches a log line either.
  return pathname.replace(/^\/api\/(share|invites|hooks\/[a-z]+)\/[^/]+/, "/api/$1/:token");
}

/** What a log line says of a failure: its kind, never its message, which could quote a key or the data it failed on. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
