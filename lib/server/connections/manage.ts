import "server-only";
import type { Connection, CreateConnectionInput, Region, UpdateConnectionInput } from "@/lib/connection";
import { PROVIDER_REGIONS } from "@/lib/connection";
import { AppError } from "@/lib/errors";
import { isProviderId, PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";
import { assertCan } from "@/lib/server/security/permissions";
import type { ServiceContext } from "@/lib/server/service-context";
import { connectionDeps, type ConnectionDeps } from "./deps";
import { isEnvConnectionId, listEnvConnections } from "./env-connections";
import { mayUseEnvConnections } from "./env-team";
import { forgetResolvedConnections } from "./resolved-cache";
import { deleteConnectionRow, findConnectionRow, insertConnection, listConnectionRows, toPublicConnection, updateConnectionRow } from "./repository";

// Admins only: a connection holds a key that reads the team's sends.

/** The environment's read-only connections first (the first team's only), then the team's own, oldest first. */
export async function listConnections({ db, actor }: ServiceContext): Promise<Connection[]> {
  assertCan(actor, "connections:manage");
  const rows = await listConnectionRows(db, actor.teamId);
  const own = rows.map(toPublicConnection).filter((item): item is Connection => item !== null);
  return [...(await envConnectionsOf(connectionDeps(db), actor.teamId)), ...own];
}

export async function createConnection({ db, actor }: ServiceContext, input: CreateConnectionInput, now = new Date()): Promise<Connection> {
  assertCan(actor, "connections:manage");
  const { masterKey } = connectionDeps(db);
  const region = checkRegion(input.provider, input.region) ?? PROVIDER_REGIONS[input.provider][0] ?? null;
  const row = await insertConnection(db, masterKey, { ...input, teamId: actor.teamId, region, budgetPerMinute: input.budgetPerMinute ?? null }, now);
  // A team's first connection of a provider replaces the environment's as its default.
  forgetResolvedConnections();
  return publicOrThrow(toPublicConnection(row));
}

export async function updateConnection(
  { db, actor }: ServiceContext,
  { id, changes }: { id: string; changes: UpdateConnectionInput },
  now = new Date(),
): Promise<Connection> {
  assertCan(actor, "connections:manage");
  const deps = connectionDeps(db);
  await assertWritable(deps, actor.teamId, id);
  const row = await findConnectionRow(db, actor.teamId, id);
  if (!row || !isProviderId(row.provider)) throw notFound();
  checkRegion(row.provider, changes.region);
  const updated = await updateConnectionRow(db, deps.masterKey, actor.teamId, id, changes, now);
  forgetResolvedConnections();
  return publicOrThrow(updated && toPublicConnection(updated));
}

export async function removeConnection({ db, actor }: ServiceContext, { id }: { id: string }): Promise<void> {
  assertCan(actor, "connections:manage");
  await assertWritable(connectionDeps(db), actor.teamId, id);
  const deleted = await deleteConnectionRow(db, actor.teamId, id);
  forgetResolvedConnections();
  if (!deleted) throw notFound();
}

async function envConnectionsOf(deps: ConnectionDeps, teamId: string): Promise<Connection[]> {
  return (await mayUseEnvConnections(deps, teamId)) ? listEnvConnections(deps.env) : [];
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
