import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The demo's master key lives beside its database, so connections saved in one demo run still
 * open in the next. A real deployment sets ENCRYPTION_KEY itself and keeps it out of DATA_DIR.
 */
export function readOrCreateDemoKey(dataDir: string): string {
  const file = path.join(dataDir, "demo-encryption.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
