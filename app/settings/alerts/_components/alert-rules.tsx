"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { AlertRule } from "@/lib/alerts";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import { boardListQueryOptions } from "@/lib/queries/boards";
import { alertRulesQueryOptions, contactPointsQueryOptions, removeAlertRuleOptions } from "@/lib/queries/alerts";
import { ConfirmButton } from "../../_components/confirm-button";
import { AddAlertRuleForm } from "./add-alert-rule-form";
import { RULE_KIND_LABELS } from "./labels";

export function AlertRules() {
  const rules = useQuery(alertRulesQueryOptions());
  const points = useQuery(contactPointsQueryOptions());
  const boards = useQuery(boardListQueryOptions());
  const remove = useMutation(removeAlertRuleOptions());
  const boardName = (id: string) => boards.data?.find((board) => board.id === id)?.name ?? "a board";
  const pointNames = (rule: AlertRule) => rule.contactPointIds.map((id) => points.data?.find((point) => point.id === id)?.name ?? "a deleted contact point").join(", ");
  return (
    <Card title="Rules" description="When to alert, for every batch on a board or for one batch.">
      {rules.isError && (
        <Notice tone="warning" title="Could not load the rules">
          {rules.error.message}
        </Notice>
      )}
      {rules.data?.length === 0 && <p className="text-faint">No rules yet.</p>}
      {rules.data && rules.data.length > 0 && (
        <ul className="mb-4 divide-y divide-line" data-testid="alert-rules">
          {rules.data.map((rule) => (
            <li key={rule.id} className="flex flex-wrap items-center gap-3 py-2" data-testid="alert-rule">
              <span className="font-medium">{RULE_KIND_LABELS[rule.kind]}</span>
              <span className="text-sm text-muted">{parametersOf(rule)}</span>
              <span className="text-sm text-faint">
                {rule.boardId ? `on ${boardName(rule.boardId)}` : rule.batch ? `on ${PROVIDER_INFO[rule.batch.provider].name} ${rule.batch.batchId}` : ""} → {pointNames(rule)}
              </span>
              <span className="ml-auto">
                <ConfirmButton label="Delete" question="Delete this rule?" confirmLabel="Delete" pending={remove.isPending && remove.variables === rule.id} onConfirm={() => remove.mutate(rule.id)} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <AddAlertRuleForm boards={boards.data ?? []} contactPoints={points.data ?? []} />
    </Card>
  );
}

function parametersOf(rule: AlertRule): string {
  if (rule.kind === "failure_share") return `above ${rule.threshold} %`;
  if (rule.kind === "slow") return `below ${rule.threshold} a minute`;
  if (rule.minutes !== null) return `${rule.minutes} min`;
  return "";
}
