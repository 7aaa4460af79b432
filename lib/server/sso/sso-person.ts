import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";
import { recordAudit, systemActor } from "@/lib/server/audit";
import { findUserByEmail, forgetCachedSessionUsers, normalizeEmail, type UserRow } from "@/lib/server/people";
import type { SsoIdentity, SsoRefusal } from "./sso-claims";
import { findSsoTeamId } from "./sso-team";

export type SsoPersonOutcome = { ok: true; userId: string } | { ok: false; reason: SsoRefusal };

type Options = { team: string | null; adminEmail: string };

/**
 * The person an SSO sign-in is: the one already linked to the identity, else the one with its
 * email (an invited person, or someone who had a password), else a new person in the SSO team.
 * Every step that two instances could race on is decided by a unique index or a conditional
 * update, and then read again.
 */
export async function findOrCreateSsoPerson(db: Kysely<Database>, identity: SsoIdentity, options: Options, now = new Date()): Promise<SsoPersonOutcome> {
  const person = await linkedPerson(db, identity, options, now);
  if (!person.ok) return person;
  await applyRoleClaim(db, person.row, identity, options, now);
  return { ok: true, userId: person.row.id };
}

async function linkedPerson(db: Kysely<Database>, identity: SsoIdentity, options: Options, now: Date, retried = false): Promise<{ ok: true; row: UserRow } | { ok: false; reason: SsoRefusal }> {
  const linked = await db.selectFrom("users").selectAll().where("sso_subject", "=", identity.subject).executeTakeFirst();
  if (linked) return { ok: true, row: linked };
  const sameEmail = await findUserByEmail(db, identity.email);
  if (sameEmail) {
    // Linked between the two reads, by a simultaneous sign-in of the same identity.
    if (sameEmail.sso_subject === identity.subject) return { ok: true, row: sameEmail };
    // Linked to another identity: the provider gave this email to someone new.
    if (sameEmail.sso_subject !== null) return { ok: false, reason: "linked_elsewhere" };
    // Signing in spends an open invite: its link must not set a password afterwards.
    const result = await db
      .updateTable("users")
      .set({ sso_subject: identity.subject, invite_token_hash: null, invite_expires_at: null })
      .where("id", "=", sameEmail.id)
      .where("sso_subject", "is", null)
      .executeTakeFirst();
    if (result.numUpdatedRows > BigInt(0)) return { ok: true, row: { ...sameEmail, sso_subject: identity.subject, invite_token_hash: null, invite_expires_at: null } };
  } else {
    const created = await createSsoPerson(db, identity, options, now);
    if (created === "no_team") return { ok: false, reason: "no_team" };
    if (created) return { ok: true, row: created };
  }
  // Another request linked or created the row first: read it again, once.
  return retried ? { ok: false, reason: "linked_elsewhere" } : linkedPerson(db, identity, options, now, true);
}

/** The new row, or null when a simultaneous sign-in inserted the email first. */
async function createSsoPerson(db: Kysely<Database>, identity: SsoIdentity, options: Options, now: Date): Promise<UserRow | null | "no_team"> {
  const teamId = await findSsoTeamId(db, options);
  if (!teamId) return "no_team";
  const row: UserRow = {
    id: randomUUID(),
    team_id: teamId,
    email: identity.email,
    name: identity.name,
    role: identity.role ?? "member",
    password_hash: null,
    invite_token_hash: null,
    invite_expires_at: null,
    created_at: now.toISOString(),
    sso_subject: identity.subject,
  };
  return db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto("users").values(row).onConflict((conflict) => conflict.doNothing()).executeTakeFirst();
    if (!inserted.numInsertedOrUpdatedRows) return null;
    await recordAudit({ db: trx, actor: systemActor(teamId) }, { action: "user.sso_join", target: { id: row.id, label: row.email }, details: { role: row.role } }, now);
    return row;
  });
}

/**
 * With a role claim configured the identity provider owns roles: each sign-in sets the mapped
 * one. The ADMIN_EMAIL account stays admin, as only the environment may change it.
 */
async function applyRoleClaim(db: Kysely<Database>, row: UserRow, identity: SsoIdentity, options: Options, now: Date): Promise<void> {
  const role = identity.role;
  if (role === null || role === row.role || row.email === normalizeEmail(options.adminEmail)) return;
  await db.transaction().execute(async (trx) => {
    // From the role read: of two simultaneous sign-ins, one changes it and records it.
    const result = await trx.updateTable("users").set({ role }).where("id", "=", row.id).where("role", "=", row.role).executeTakeFirst();
    if (result.numUpdatedRows === BigInt(0)) return;
    await recordAudit({ db: trx, actor: systemActor(row.team_id) }, { action: "user.sso_role_change", target: { id: row.id, label: row.email }, details: { from: row.role, to: role } }, now);
  });
  forgetCachedSessionUsers();
}

export async function findUserIdBySsoSubject(db: Kysely<Database>, subject: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("id").where("sso_subject", "=", subject).executeTakeFirst();
  return row?.id ?? null;
}
