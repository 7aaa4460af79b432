import { createServer, type Server } from "node:net";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { openPostgres } from "./postgres";
import { isUnreachableError } from "./unavailable";

let server: Server | null = null;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

/** A port where something accepts connections and hangs up at once, as a dying server does. */
async function hangingUpPort(): Promise<number> {
  server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

async function failureOf(url: string): Promise<unknown> {
  const db = openPostgres(url, { poolSize: 1 });
  try {
    return await sql`select 1`.execute(db).then(() => null, (error: unknown) => error);
  } finally {
    await db.destroy();
  }
}

describe("a PostgreSQL that is not there", () => {
  it("answers database_unavailable (503) when nothing listens", async () => {
    const error = await failureOf("postgres://sendboard@127.0.0.1:1/sendboard");
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "database_unavailable", status: 503 });
    // The message names the kind of failure, never the host or the user.
    expect((error as Error).message).not.toMatch(/127\.0\.0\.1|sendboard/);
  });

  it("answers database_unavailable when the server hangs up", async () => {
    const error = await failureOf(`postgres://sendboard@127.0.0.1:${await hangingUpPort()}/sendboard`);
    expect(error).toMatchObject({ code: "database_unavailable" });
  });

  it("tells a lost server from a bad query", () => {
    const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });
    expect(isUnreachableError(withCode("57P01"))).toBe(true);
    expect(isUnreachableError(withCode("08006"))).toBe(true);
    expect(isUnreachableError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isUnreachableError(withCode("23505", "duplicate key value violates unique constraint"))).toBe(false);
    expect(isUnreachableError(withCode("42P01", 'relation "x" does not exist'))).toBe(false);
  });
});
