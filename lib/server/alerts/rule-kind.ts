import "server-only";
import { ALERT_RULE_KINDS, type AlertRuleKind } from "@/lib/alerts";

export function isRuleKind(value: string): value is AlertRuleKind {
  return (ALERT_RULE_KINDS as readonly string[]).includes(value);
}
