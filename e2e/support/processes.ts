import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

// For specs that start app instances of their own (several instances, SSO, alerts): each runs in
// its own process group, so stopping it stops whatever it started too.

/** Stops a detached child's process group: SIGTERM (or `signal`), then SIGKILL after 5 s. */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return;
  }
  const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(force);
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("No free port found"))));
    });
  });
}
