import "server-only";
import type { Kysely } from "kysely";
import type { AlertBatch, AlertMessage, AlertMessageType } from "@/lib/alerts";
import type { Database } from "../db/schema";
import { errorName, getLogger } from "../logger";
import { deliverMessage, type DeliveryOptions } from "./deliver";
import type { IncidentRow } from "./incidents";
import { contactPointIdsOf } from "./rule-contact-points";
import type { AlertRuleRow } from "./row-types";
import { isRuleKind } from "./rule-kind";

/** One message per contact point of the rule, delivered (with retries) in the background of the instance that decided the incident. */
export async function notifyIncident(
  db: Kysely<Database>,
  rule: AlertRuleRow,
  incident: IncidentRow,
  type: Exclude<AlertMessageType, "test">,
  batch: AlertBatch,
  now: Date,
  options: Omit<DeliveryOptions, "incidentId"> = {},
): Promise<void> {
  if (!isRuleKind(rule.kind)) return;
  const ids = contactPointIdsOf(rule);
  if (ids.length === 0) return;
  const points = await db.selectFrom("alert_contact_points").selectAll().where("team_id", "=", rule.team_id).where("id", "in", ids).execute();
  const message: AlertMessage = { type, alertId: incident.id, rule: { id: rule.id, kind: rule.kind }, batch, at: now.toISOString() };
  await Promise.all(
    points.map((point) =>
      deliverMessage(db, point, message, { ...options, incidentId: incident.id }).catch((error: unknown) =>
        getLogger().warn({ contactPointId: point.id, errorName: errorName(error) }, "alerts: delivery failed before any attempt"),
      ),
    ),
  );
}
