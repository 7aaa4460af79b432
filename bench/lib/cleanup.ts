type Cleanup = () => Promise<void>;

const pending = new Set<Cleanup>();

/** Registers work that must run even when a benchmark throws or the run is interrupted. */
export function deferCleanup(cleanup: Cleanup): () => Promise<void> {
  let done = false;
  const once: Cleanup = async () => {
    if (done) return;
    done = true;
    pending.delete(once);
    await cleanup();
  };
  pending.add(once);
  return once;
}

export async function runAllCleanups(): Promise<void> {
  for (const cleanup of [...pending].reverse()) {
    await cleanup().catch((error: unknown) => console.error("Cleanup failed:", error));
  }
}
