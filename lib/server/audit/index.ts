import "server-only";

export { listAuditEvents } from "./list-audit-events";
export { pruneAuditEvents, startAuditPruning } from "./prune-audit";
export { recordAudit, systemActor } from "./record-audit";
export type { AuditContext, AuditEventInput, AuditTarget, SystemActor } from "./record-audit";
export { assertCanOrAudit } from "./refuse";
