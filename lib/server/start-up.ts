import "server-only";
import { EnvError, getEnv } from "@/lib/server/env";
import { migrateToLatest } from "./db/database";

/** A bad configuration stops the server with a readable message instead of failing on the first request. */
export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  await migrateToLatest();
}
