import "server-only";
import type { Connection, CreateConnectionInput, Region, UpdateConnectionInput } from "@/lib/connection";
import type { SendConnection } from "@/lib/recent-sends";
import { PROVIDER_REGIONS } from "@/lib/connection";
import { AppError } from "@/lib/errors";
import { isProviderId, PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { AuditDetails } from "@/lib/audit-event";
import { assertCanOrAudit, recordAudit } from "@/lib/server/audit";
import { assertCan } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { connectionAuditEvent } from "./audit-target";
import { connectionDeps, type ConnectionDeps } from "./deps";
import { isEnvConnectionId, listEnvConnections } from "./env-connections";
import { mayUseEnvConnections } from "./env-team";
import { forgetResolvedConnections } from "./resolved-cache";
import { checkWebhookSettings, forgetWebhookData, withWebhookInfo } from "./webhook-info";
import { deleteConnectionRow, findConnectionRow, insertConnection, listConnectionRows, toPublicConnection, updateConnectionRow } from "./repository";
import type { ConnectionRow } from "./repository";

// Admins only (but listSendConnections): a connection holds a key that reads the team's sends.

/** The environment's read-only connections first (the first team's only), then the team's own, oldest first. */
export async function listConnections({ db, actor }: ServiceContext): Promise<Connection[]> {
  assertCan(actor, "connections:manage");
  const rows = await listConnectionRows(db, actor.teamId);
  const own = rows.map(toPublicConnection).filter((item): item is Connection => item !== null);
  const deps = connectionDeps(db);
  return withWebhookInfo(db, deps.env, [...(await envConnectionsOf(deps, actor.teamId)), ...own], rows);
}

/** Every member picks sends through them, so they see each connection's id, provider and name only. */
export async function listSendConnections({ db, actor }: ServiceContext): Promise<SendConnection[]> {
  assertCan(actor, "batches:read");
  const rows = await listConnectionRows(db, actor.teamId);
  const own = rows.map(toPublicConnection).filter((item): item is Connection => item !== null);
  return [...listEnvConnections(connectionDeps(db).env), ...own].map(({ id, provider, name }) => ({ id, provider, name }));
}

export async function createConnection(ctx: ServiceContext, input: CreateConnectionInput, now = new Date()): Promise<Connection> {
  await assertCanOrAudit(ctx, "connections:manage", { action: "connection.create", target: { id: null, label: input.name }, details: { provider: input.provider } }, now);
  const { db, actor } = ctx;
  const { masterKey } = connectionDeps(db);
  const region = checkRegion(input.provider, input.region) ?? PROVIDER_REGIONS[input.provider][0] ?? null;
  checkWebhookSettings(input.provider, input);
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await insertConnection(trx, masterKey, { ...input, teamId: actor.teamId, region, budgetPerMinute: input.budgetPerMinute ?? null }, now);
    await recordAudit({ ...ctx, db: trx }, { action: "connection.create", ...connectionAuditEvent(inserted) }, now);
    return inserted;
  });
  // A team's first connection of a provider replaces the environment's as its default.
  forgetResolvedConnections();
  return publicOrThrow(toPublicConnection(row));
}

export async function updateConnection(
  ctx: ServiceContext,
  { id, changes }: { id: string; changes: UpdateConnectionInput },
  now = new Date(),
): Promise<Connection> {
  await assertCanOrAudit(ctx, "connections:manage", { action: "connection.update", target: { id, label: null } }, now);
  const { db, actor } = ctx;
  const deps = connectionDeps(db);
  await assertWritable(deps, actor.teamId, id);
  const row = await findConnectionRow(db, actor.teamId, id);
  if (!row || !isProviderId(row.provider)) throw notFound();
  checkRegion(row.provider, changes.region);
  checkWebhookSettings(row.provider, changes);
  const updated = await db.transaction().execute(async (trx) => {
    const after = await updateConnectionRow(trx, deps.masterKey, actor.teamId, id, changes, now);
    if (!after) return undefined;
    const event = connectionAuditEvent(after);
    await recordAudit({ ...ctx, db: trx }, { action: "connection.update", target: event.target, details: { ...event.details, ...describeChanges(row, changes) } }, now);
    return after;
  });
  forgetResolvedConnections();
  return publicOrThrow(updated && toPublicConnection(updated));
}

export async function removeConnection(ctx: ServiceContext, { id }: { id: string }, now = new Date()): Promise<void> {
  await assertCanOrAudit(ctx, "connections:manage", { action: "connection.remove", target: { id, label: null } }, now);
  const { db, actor } = ctx;
  await assertWritable(connectionDeps(db), actor.teamId, id);
  const deleted = await db.transaction().execute(async (trx) => {
    const row = await findConnectionRow(trx, actor.teamId, id);
    if (!row || !(await deleteConnectionRow(trx, actor.teamId, id))) return false;
    await forgetWebhookData(trx, id);
    await recordAudit({ ...ctx, db: trx }, { action: "connection.remove", ...connectionAuditEvent(row) }, now);
    return true;
  });
  forgetResolvedConnections();
  if (!deleted) throw notFound();
}

async function envConnectionsOf(deps: ConnectionDeps, teamId: string): Promise<Connection[]> {
  return (await mayUseEnvConnections(deps, teamId)) ? listEnvConnections(deps.env) : [];
}

/** What an edit touched, in words for the log; a new key is only named, never shown. */
function describeChanges(before: ConnectionRow, changes: UpdateConnectionInput): AuditDetails {
  const changed = [
    changes.name !== undefined && "name",
    changes.region !== undefined && "region",
    changes.budgetPerMinute !== undefined && "budget",
    changes.apiKey !== undefined && "API key",
    changes.webhookPublicKey !== undefined && "webhook verification key",
    changes.webhookBatchArg !== undefined && "webhook batch custom arg",
  ].filter((field) => field !== false);
  const renamed = changes.name !== undefined && changes.name !== before.name;
  return { changed: changed.join(", "), ...(renamed && { renamedFrom: before.name }) };
}

async function assertWritable(deps: ConnectionDeps, teamId: string, id: string): Promise<void> {
  if (!isEnvConnectionId(id)) return;
  if (!(await envConnectionsOf(deps, teamId)).some((connection) => connection.id === id)) throw notFound();
  throw new AppError("conflict", "This connection comes from the server's environment and is read-only: change it there.");
}

/** Undefined when no region was given; throws when the provider has no such region. */
function checkRegion(provider: ProviderId, region: Region | null | undefined): Region | undefined {
  if (region === undefined || region === null) return undefined;
  const allowed: readonly Region[] = PROVIDER_REGIONS[provider];
  if (!allowed.includes(region)) throw new AppError("bad_request", `${PROVIDER_INFO[provider].name} has no "${region}" region.`);
  return region;
}

function publicOrThrow(connection: Connection | null | undefined): Connection {
  if (!connection) throw notFound();
  return connection;
}

function notFound(): AppError {
  return new AppError("not_found", "This connection does not exist.");
}
