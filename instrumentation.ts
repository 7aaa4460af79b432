// Runs once when the server starts: a bad configuration stops it with a readable message
// instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, EnvError } = await import("./lib/env");
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const { migrateToLatest } = await import("./lib/server/db/database");
  await migrateToLatest();
}
