import "server-only";
import type { Kysely } from "kysely";
import { getDb } from "./db/database";
import type { Database } from "./db/schema";
import type { Actor } from "./security/permissions";

/**
 * What every service is called with, first: the database and who is asking. `address` is the
 * client's address as the request wrapper knows it (for the activity log); null or absent when it
 * knows none, as in server components and tests.
 */
export type ServiceContext = { db: Kysely<Database>; actor: Actor; address?: string | null };

/** For the services a token authorises (share links, invites): nobody is signed in. */
export type PublicContext = Pick<ServiceContext, "db">;

/** For server components, which have their signed-in user from requirePageSession. */
export async function contextFor(actor: Actor): Promise<ServiceContext> {
  return { db: await getDb(), actor };
}

export async function publicContext(): Promise<PublicContext> {
  return { db: await getDb() };
}
