import "server-only";
import type { Selectable } from "kysely";
import type { AlertContactPointsTable, AlertRulesTable } from "../db/schema";

export type ContactPointRow = Selectable<AlertContactPointsTable>;
export type AlertRuleRow = Selectable<AlertRulesTable>;
