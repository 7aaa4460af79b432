import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ContactPoint, CreateContactPointInput, CreatedContactPoint } from "@/lib/alerts";
import { isContactPointType } from "./contact-point-type";
import { AppError } from "@/lib/errors";
import { assertCanOrAudit, recordAudit } from "../audit";
import type { ContactPointRow } from "./row-types";
import { getEnv } from "../env";
import { assertCan } from "../security/permissions";
import type { ServiceContext } from "../service-context";
import { checkDestinationUrl } from "./destination-url";
import { sealSecret, sealTarget } from "./secrets";
import { newWebhookSecret } from "./signature";
import { emailHint, urlHint } from "./target-hint";

// Contact points are the admins' (alerts:manage): they decide where the team's batch news goes.

const emailAddress = z.email();

export function toContactPoint(row: ContactPointRow): ContactPoint | null {
  if (!isContactPointType(row.type)) return null;
  return { id: row.id, type: row.type, name: row.name, target: row.target_hint, createdBy: row.created_by, createdAt: row.created_at };
}

export async function listContactPoints({ db, actor }: ServiceContext): Promise<ContactPoint[]> {
  assertCan(actor, "alerts:manage");
  const rows = await db.selectFrom("alert_contact_points").selectAll().where("team_id", "=", actor.teamId).orderBy("created_at").orderBy("id").execute();
  return rows.map(toContactPoint).filter((point): point is ContactPoint => point !== null);
}

export async function createContactPoint(ctx: ServiceContext, input: CreateContactPointInput, now = new Date()): Promise<CreatedContactPoint> {
  await assertCanOrAudit(ctx, "alerts:manage", { action: "contact_point.create", target: { id: null, label: input.name } }, now);
  const id = randomUUID();
  const { target, hint } = destinationOf(input);
  const secret = input.type === "webhook" ? newWebhookSecret() : undefined;
  const row: ContactPointRow = {
    id,
    team_id: ctx.actor.teamId,
    type: input.type,
    name: input.name,
    encrypted_target: sealTarget(id, target),
    target_hint: hint,
    encrypted_secret: secret === undefined ? null : sealSecret(id, secret),
    created_by: ctx.actor.email,
    created_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("alert_contact_points").values(row).execute();
    await recordAudit({ ...ctx, db: trx }, { action: "contact_point.create", target: { id, label: input.name }, details: { type: input.type, destination: hint } }, now);
  });
  return secret === undefined ? { id } : { id, secret };
}

/** Rules that named it keep their other contact points; a rule left with none sends nothing. */
export async function removeContactPoint(ctx: ServiceContext, { id }: { id: string }, now = new Date()): Promise<void> {
  await assertCanOrAudit(ctx, "alerts:manage", { action: "contact_point.remove", target: { id, label: null } }, now);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("alert_contact_points").where("id", "=", id).where("team_id", "=", ctx.actor.teamId).returningAll().executeTakeFirst();
    if (!removed) throw new AppError("not_found", "There is no such contact point.");
    await recordAudit({ ...ctx, db: trx }, { action: "contact_point.remove", target: { id, label: removed.name }, details: { type: removed.type } }, now);
  });
}

export async function findTeamContactPoint(ctx: ServiceContext, id: string): Promise<ContactPointRow> {
  const row = await ctx.db.selectFrom("alert_contact_points").selectAll().where("id", "=", id).where("team_id", "=", ctx.actor.teamId).executeTakeFirst();
  if (!row) throw new AppError("not_found", "There is no such contact point.");
  return row;
}

function destinationOf(input: CreateContactPointInput): { target: string; hint: string } {
  const env = getEnv();
  if (input.type === "email") {
    if (input.url !== undefined) throw new AppError("bad_request", "An email contact point takes `to`, not `url`.");
    if (!env.SMTP_URL) throw new AppError("bad_request", "Email alerts need SMTP_URL set on the server.");
    if (!input.to || !emailAddress.safeParse(input.to).success) throw new AppError("bad_request", "Give the address alerts go to.");
    return { target: input.to, hint: emailHint(input.to) };
  }
  if (input.to !== undefined) throw new AppError("bad_request", "This contact point takes `url`, not `to`.");
  if (!input.url) throw new AppError("bad_request", input.type === "slack" ? "Paste the Slack incoming-webhook URL." : "Give the webhook's HTTPS URL.");
  const url = checkDestinationUrl(input.type, input.url, { allowPrivate: env.ALERTS_ALLOW_PRIVATE_URLS === "1" });
  return { target: url.toString(), hint: urlHint(url) };
}
