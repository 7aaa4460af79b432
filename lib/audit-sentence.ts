import type { AuditAction, AuditDetails, AuditEvent, AuditOutcome } from "./audit-event";
import { isProviderId, PROVIDER_INFO } from "./providers/provider-id";
import { isUserRole, ROLE_LABELS } from "./team-user";

// Client-safe: an event as a sentence an admin reads at a glance,
// "Ana paused 'Black Friday' (SendGrid)".

type Wording = (target: string, details: AuditDetails) => string;

const WORDING = {
  "share_link.create": (target, details) =>
    `created a share link to ${sharedThing(details)}${target}`,
  "share_link.revoke": (target, details) =>
    `revoked a share link to ${sharedThing(details)}${target}`,
  "connection.create": (target) => `added the connection ${target}`,
  "connection.update": (target, details) =>
    `changed the connection ${target}${typeof details.changed === "string" && details.changed ? `: ${details.changed}` : ""}`,
  "connection.test": (target) => `tested the connection ${target}`,
  "connection.remove": (target) => `removed the connection ${target}`,
  "user.invite": (target, details) =>
    `invited ${target}${roleName(details.role) ? ` as ${roleName(details.role)}` : ""}`,
  "user.role_change": (target, details) => `changed the role of ${target}${roleChange(details)}`,
  "user.remove": (target) => `removed ${target}`,
  "user.sso_join": (target, details) =>
    `added ${target} through single sign-on${roleName(details.role) ? ` as ${roleName(details.role)}` : ""}`,
  "user.sso_role_change": (target, details) => `changed the role of ${target}${roleChange(details)}, following single sign-on`,
  "batch.pause": (target) => `paused ${target}`,
  "batch.resume": (target) => `resumed ${target}`,
  "batch.cancel": (target) => `cancelled ${target}`,
  "batch.stop": (target) => `stopped ${target}`,
  "auto_watch.create": (target) => `set up auto-watch on ${target}`,
  "auto_watch.update": (target) => `changed auto-watch on ${target}`,
  "auto_watch.remove": (target) => `removed auto-watch from ${target}`,
  "auto_watch.add_send": (target) => `put the new send ${target} on a board it follows`,
  "auto_watch.drop_send": (target) => `took the finished send ${target} off a board that follows it`,
  "alert_rule.create": (target) => `added the alert rule ${target}`,
  "alert_rule.remove": (target) => `removed the alert rule ${target}`,
  "contact_point.create": (target) => `added the contact point ${target}`,
  "contact_point.remove": (target) => `removed the contact point ${target}`,
  "contact_point.test": (target) => `sent a test to the contact point ${target}`,
  "token.create": (target) => `created the API token ${target}`,
  "token.revoke": (target) => `revoked the API token ${target}`,
  "token.use": (target) => `used the API token ${target}`,
} as const satisfies Record<AuditAction, Wording>;

export const OUTCOME_LABELS = {
  ok: "ok",
  refused: "refused",
  failed: "failed",
} as const satisfies Record<AuditOutcome, string>;

/** Who acted: the person's name today, else the email the event kept. */
export function auditActorName({ actor }: Pick<AuditEvent, "actor">): string {
  if (actor.kind === "system") return "Sendboard";
  return actor.name ?? actor.email ?? (actor.kind === "token" ? "An API token" : "Someone");
}

/** What was done, without the actor: "paused 'Black Friday' (SendGrid)". */
export function auditDescription(event: Pick<AuditEvent, "action" | "target" | "details">): string {
  const label = event.target.label ?? event.target.id;
  const named = label ? `'${label}'` : `a ${event.target.type.replaceAll("_", " ")}`;
  const target = `${named}${providerSuffix(event.details)}`;
  const wording: Wording | undefined = Object.hasOwn(WORDING, event.action)
    ? WORDING[event.action as AuditAction]
    : undefined;
  return wording ? wording(target, event.details) : `did ${event.action} on ${target}`;
}

/** The whole row as one line, as a screen reader or a test reads it. */
export function auditSentence(event: AuditEvent): string {
  return `${auditActorName(event)} ${auditDescription(event)} — ${OUTCOME_LABELS[event.outcome]}`;
}

/** The answer worth a second line: a connection test's result, a provider's reason, an error code. */
export function auditNote({ details }: Pick<AuditEvent, "details">): string | null {
  for (const name of ["result", "reason", "code"]) {
    const value = details[name];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

function providerSuffix(details: AuditDetails): string {
  const provider = details.provider;
  return typeof provider === "string" && isProviderId(provider)
    ? ` (${PROVIDER_INFO[provider].name})`
    : "";
}

function sharedThing(details: AuditDetails): string {
  return details.shares === "board" ? "the board " : details.shares === "batch" ? "the batch " : "";
}

function roleName(role: AuditDetails[string] | undefined): string | null {
  return typeof role === "string" && isUserRole(role) ? ROLE_LABELS[role].toLowerCase() : null;
}

function roleChange(details: AuditDetails): string {
  const from = roleName(details.from);
  const to = roleName(details.to);
  if (from && to) return ` from ${from} to ${to}`;
  return to ? ` to ${to}` : "";
}
