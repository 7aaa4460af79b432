// Runs once when the server starts. The Node-only work lives in its own module so the Edge
// bundle of this file never sees process.exit or the database driver.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/start-up");
    await startServer();
  }
}
