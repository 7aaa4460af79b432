import "server-only";

// Alerts: contact points (Slack, signed webhook, email), rules per board or batch, incidents
// decided once across instances by the database, deliveries with retries and their log.
export { createContactPoint, listContactPoints, removeContactPoint } from "./contact-points";
export { testContactPoint } from "./test-contact-point";
export { createAlertRule, listAlertRules, removeAlertRule } from "./rules";
export { listAlertDeliveries } from "./deliveries";
export { createAlertEvaluator } from "./evaluator";
export type { AlertEvaluator } from "./evaluator";
export { readFiringAlerts, readFiringAlertsShared } from "./firing";
export { startAlertWatch } from "./start";
