import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/server/db/schema";
import { getLogger } from "@/lib/server/logger";
import { checkSsoClaims, type SsoRefusal } from "./sso-claims";
import { findOrCreateSsoPerson } from "./sso-person";
import type { SsoSettings } from "./sso-settings";

/** Where a refused SSO sign-in lands: a page that says why, in words (see app/signin/refused). */
export function ssoRefusedPath(reason: SsoRefusal): string {
  return `/signin/refused?reason=${reason}`;
}

/**
 * next-auth's signIn callback for the OIDC provider: true to go on (the person now exists with
 * the mapped role), or the path of the page that explains the refusal. One log line either way,
 * with the person's id or the reason, never a token or a claim's value.
 */
export async function signInWithSso(
  db: Kysely<Database>,
  claims: Record<string, unknown>,
  settings: SsoSettings,
  adminEmail: string,
  now = new Date(),
): Promise<true | string> {
  const log = getLogger();
  const verdict = checkSsoClaims(claims, settings);
  if (!verdict.ok) {
    log.info({ event: "sso_sign_in", outcome: "refused", reason: verdict.reason }, "sso sign-in");
    return ssoRefusedPath(verdict.reason);
  }
  const person = await findOrCreateSsoPerson(db, verdict.identity, { team: settings.team, adminEmail }, now);
  if (!person.ok) {
    log.info({ event: "sso_sign_in", outcome: "refused", reason: person.reason }, "sso sign-in");
    return ssoRefusedPath(person.reason);
  }
  log.info({ event: "sso_sign_in", outcome: "success", userId: person.userId }, "sso sign-in");
  return true;
}

