"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { AUTO_WATCH_LIST_MS, type AutoWatchRule } from "@/lib/auto-watch";
import { autoWatchRulesQueryOptions, removeAutoWatchRuleOptions } from "@/lib/queries/auto-watch";
import { sendConnectionsQueryOptions } from "@/lib/queries/sends";
import type { SendConnection } from "@/lib/recent-sends";
import { AutoWatchForm } from "./auto-watch-form";

/** What this board follows: every new send of a connection lands on it, with nobody touching it. */
export function AutoWatchPanel({ boardId, canManage }: { boardId: string; canManage: boolean }) {
  const rules = useQuery(autoWatchRulesQueryOptions(boardId));
  const connections = useQuery(sendConnectionsQueryOptions());
  const remove = useMutation(removeAutoWatchRuleOptions(boardId));
  const names = new Map(connections.data?.map((connection) => [connection.id, connection]));

  return (
    <Card
      title="Auto-watch"
      description={`Follow a connection: each new send that matches is put on this board within ${AUTO_WATCH_LIST_MS / 1_000} s.`}
      data-testid="auto-watch-panel"
    >
      {rules.isError && (
        <p role="alert" className="mb-3 text-sm text-notice-warning">
          Could not load what this board follows: {rules.error.message}
        </p>
      )}
      {rules.data && rules.data.length > 0 && (
        <ul aria-label="Connections this board follows" className="mb-4">
          {rules.data.map((rule) => (
            <li key={rule.id} data-testid="auto-watch-rule" className="flex flex-wrap items-center gap-3 border-b border-line py-2 last:border-b-0">
              <span className="flex-1 text-sm text-ink">{describeRule(rule, names.get(rule.connectionId))}</span>
              {canManage && (
                <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(rule.id)}>
                  Stop following
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && connections.data && rules.data && <AutoWatchForm boardId={boardId} connections={connections.data} rules={rules.data} />}
      {!canManage && <p className="text-sm text-muted">Operators and admins choose what a board follows.</p>}
    </Card>
  );
}

function describeRule(rule: AutoWatchRule, connection: SendConnection | undefined): string {
  const filters = [
    rule.nameContains && `name contains "${rule.nameContains}"`,
    rule.template && `template ${rule.template}`,
    rule.agentId && `agent ${rule.agentId}`,
  ].filter(Boolean);
  const keep = rule.removeAfterMinutes === null ? "finished sends stay" : `finished sends leave after ${rule.removeAfterMinutes} min`;
  return `Follows ${connection?.name ?? rule.connectionId}${filters.length ? ` (${filters.join(", ")})` : ""}; ${keep}.`;
}
