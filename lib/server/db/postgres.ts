import "server-only";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";
import { withUnavailableErrors } from "./unavailable";

export type PostgresOptions = {
  poolSize: number;
  /** Tests give each database a schema of its own. */
  schema?: string;
  /** A pool error (an idle client losing the server) is reported here instead of crashing the process. */
  onPoolError?: (error: Error) => void;
};

const INT8_OID = 20;

// count(*) and sum() come back as int8, which pg hands out as strings; SQLite gives numbers.
// Every int8 here is a count far below 2^53, so both engines answer with a number.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary" ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openPostgres(connectionString: string, options: PostgresOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize,
    // An unreachable server fails a request within seconds instead of holding it.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: "sendboard",
    types,
    ...(options.schema && { options: `-c search_path=${options.schema}` }),
  });
  pool.on("error", (error) => options.onPoolError?.(error));
  return new Kysely<Database>({ dialect: withUnavailableErrors(new PostgresDialect({ pool })) });
}
