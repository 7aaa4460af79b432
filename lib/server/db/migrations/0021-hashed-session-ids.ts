import { createHash } from "node:crypto";
import type { Kysely } from "kysely";

// Sessions were stored under the id their cookie carries; from here on only its SHA-256 (as
// security/tokens.ts hashes share and invite tokens), so a copy of the database signs nobody in.
// Existing sessions keep working: their rows are re-keyed to the hash.
type Sessions = { sessions: { id: string; expires_at: string; revoked_at: string | null } };

export async function up(db: Kysely<unknown>): Promise<void> {
  const sessions = db as unknown as Kysely<Sessions>;
  // Ended sessions are never read again: they go rather than being re-keyed.
  await sessions
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("revoked_at", "is not", null), eb("expires_at", "<=", new Date().toISOString())]))
    .execute();
  const rows = await sessions.selectFrom("sessions").select("id").execute();
  for (const { id } of rows) {
    const hashed = createHash("sha256").update(id, "utf8").digest("hex");
    await sessions.updateTable("sessions").set({ id: hashed }).where("id", "=", id).execute();
  }
}

// The ids themselves are gone: going back ends every session (everyone signs in again).
export async function down(db: Kysely<unknown>): Promise<void> {
  await (db as unknown as Kysely<Sessions>).deleteFrom("sessions").execute();
}
