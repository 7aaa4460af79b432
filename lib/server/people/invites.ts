import "server-only";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/server/env";
import { getLogger } from "@/lib/server/logger";
import type { PublicContext } from "@/lib/server/service-context";
import { hashPassword } from "@/lib/server/security/passwords";
import { hashToken, isExpired, isTokenShaped } from "@/lib/server/security/tokens";

export type InviteLookup =
  | { status: "valid"; userId: string; email: string; name: string }
  | { status: "expired" }
  | { status: "unknown" };

/** For the invite page: whom the token invites. A used token is unknown: accepting clears the stored hash. */
export async function findInvite({ db }: PublicContext, { token }: { token: string }, now = new Date()): Promise<InviteLookup> {
  if (!isTokenShaped(token)) return { status: "unknown" };
  const row = await db
    .selectFrom("users")
    .select(["id", "email", "name", "invite_expires_at"])
    .where("invite_token_hash", "=", hashToken(token))
    .where("password_hash", "is", null)
    .executeTakeFirst();
  if (!row) return { status: "unknown" };
  // No expiry on an invite is a bad row: fail closed.
  if (row.invite_expires_at === null || isExpired(row.invite_expires_at, now)) return { status: "expired" };
  return { status: "valid", userId: row.id, email: row.email, name: row.name };
}

/** Sets the password and spends the token; throws not_found / invite_expired. */
export async function acceptInvite(ctx: PublicContext, { token, password }: { token: string; password: string }, now = new Date()): Promise<void> {
  // A password nobody may sign in with would only mislead: the invite is spent by an SSO sign-in.
  if (getEnv().PASSWORD_SIGN_IN === "off") throw new AppError("conflict", "Password sign-in is off here: sign in with single sign-on under this invite's email instead.");
  const { db } = ctx;
  const invite = await findInvite(ctx, { token }, now);
  if (invite.status === "unknown") throw new AppError("not_found", "This invite link is not valid or has already been used.");
  if (invite.status === "expired") throw new AppError("invite_expired", "This invite link has expired. Ask an admin for a new one.");
  const passwordHash = await hashPassword(password);
  // The token hash in the WHERE makes a second, simultaneous use update nothing.
  const result = await db
    .updateTable("users")
    .set({ password_hash: passwordHash, invite_token_hash: null, invite_expires_at: null })
    .where("id", "=", invite.userId)
    .where("invite_token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (result.numUpdatedRows === BigInt(0)) throw new AppError("not_found", "This invite link is not valid or has already been used.");
  getLogger().info({ event: "invite_accepted", userId: invite.userId }, "invite used");
}
