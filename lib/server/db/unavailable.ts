import type { DatabaseConnection, Dialect, Driver, QueryCompiler, TransactionSettings } from "kysely";
import { AppError } from "@/lib/errors";

// Node's socket errors and PostgreSQL's connection_exception (08…), operator_intervention
// (57P01–57P03) and too_many_connections: the server is away, not the query wrong.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN", "57P01", "57P02", "57P03", "53300"]);
const UNREACHABLE_MESSAGES = /connection terminated|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down)/i;

// SQLite's file is locked by another process (a backup, a second server, the sqlite3 shell) for
// longer than the busy timeout: as unavailable as a PostgreSQL that does not answer.
const SQLITE_LOCKED = /^SQLITE_(BUSY|LOCKED)/;

export function isUnreachableError(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "database_unavailable";
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08") || SQLITE_LOCKED.test(code))) return true;
  return UNREACHABLE_MESSAGES.test(error.message);
}

/** Seconds a client is asked to wait (Retry-After) before trying again. */
const RETRY_AFTER_SECONDS = 5;

/** Only the kind of failure: the driver's message can quote the host or the user. */
export function unavailableError(cause: unknown): AppError {
  const code = cause instanceof Error ? (cause as { code?: unknown }).code : undefined;
  const reason = typeof code === "string" ? ` (${code})` : "";
  return new AppError("database_unavailable", `The database is unavailable${reason}. Try again shortly.`, { retryAfterSeconds: RETRY_AFTER_SECONDS });
}

async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw isUnreachableError(error) && !(error instanceof AppError) ? unavailableError(error) : error;
  }
}

/**
 * The dialect as given, except that losing the server (at connect or mid-query) surfaces as
 * AppError("database_unavailable"), which every route answers with 503. pg's Pool drops broken
 * clients and connects afresh, so the next query after the server returns just works.
 */
export function withUnavailableErrors(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new GuardedDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

type CompileQuery = QueryCompiler["compileQuery"];

class GuardedDriver implements Driver {
  readonly #inner: Driver;
  readonly #innerOf = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(): Promise<void> {
    return guard(() => this.#inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await guard(() => this.#inner.acquireConnection());
    const outer: DatabaseConnection = {
      executeQuery: (query) => guard(() => inner.executeQuery(query)),
      streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
    };
    this.#innerOf.set(outer, inner);
    return outer;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return guard(() => this.#inner.beginTransaction(this.#unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return guard(() => this.#inner.commitTransaction(this.#unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return guard(() => this.#inner.rollbackTransaction(this.#unwrap(connection)));
  }

  savepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    return guard(() => this.#required("savepoint").call(this.#inner, this.#unwrap(connection), name, compileQuery));
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    return guard(() => this.#required("rollbackToSavepoint").call(this.#inner, this.#unwrap(connection), name, compileQuery));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    return guard(() => this.#required("releaseSavepoint").call(this.#inner, this.#unwrap(connection), name, compileQuery));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.#innerOf.get(connection) ?? connection;
  }

  #required(method: "savepoint" | "rollbackToSavepoint" | "releaseSavepoint") {
    const implementation = this.#inner[method];
    if (!implementation) throw new Error(`The database driver does not support ${method}.`);
    return implementation;
  }
}
