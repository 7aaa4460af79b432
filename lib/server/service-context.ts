import "server-only";
import type { Kysely } from "kysely";
import { getDb } from "./db/database";
import type { Database } from "./db/schema";
import type { Actor } from "./security/permissions";

/** What every service is called with, first: the database and who is asking. */
export type ServiceContext = { db: Kysely<Database>; actor: Actor };

/** For the services a token authorises (share links, invites): nobody is signed in. */
export type PublicContext = Pick<ServiceContext, "db">;

/** For server components, which have their signed-in user from requirePageSession. */
export async function contextFor(actor: Actor): Promise<ServiceContext> {
  return { db: await getDb(), actor };
}

export async function publicContext(): Promise<PublicContext> {
  return { db: await getDb() };
}
