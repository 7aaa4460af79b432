import "server-only";
import type { Kysely } from "kysely";
import { API_TOKEN_ROLES, type ApiToken, type ApiTokenRole } from "@/lib/api-token";
import type { Database } from "@/lib/server/db/schema";

export function isApiTokenRole(value: string): value is ApiTokenRole {
  return (API_TOKEN_ROLES as readonly string[]).includes(value);
}

/** A team's tokens with their creator's name today (null once removed), newest first. */
export function teamTokenRows(db: Kysely<Database>, teamId: string) {
  return db
    .selectFrom("api_tokens as t")
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "t.created_by").onRef("u.team_id", "=", "t.team_id"))
    .select([
      "t.id",
      "t.name",
      "t.role",
      "t.last4",
      "t.created_by",
      "t.created_at",
      "t.expires_at",
      "t.last_used_at",
      "t.revoked_at",
      "u.name as creator_name",
    ])
    .where("t.team_id", "=", teamId)
    .orderBy("t.created_at", "desc")
    .orderBy("t.id");
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof teamTokenRows>["execute"]>>[number];

/** A row whose role this build does not know lists as nothing, as it authorises nothing. */
export function toApiTokens(rows: TokenRow[]): ApiToken[] {
  return rows.flatMap((row) => {
    const { role } = row;
    if (!isApiTokenRole(role)) return [];
    return [
      {
        id: row.id,
        name: row.name,
        role,
        last4: row.last4,
        createdBy: row.creator_name === null ? null : { id: row.created_by, name: row.creator_name },
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
      },
    ];
  });
}
