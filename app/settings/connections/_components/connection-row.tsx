"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ProviderBadge } from "@/components/batch/provider-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { REGION_LABELS } from "@/lib/connection";
import type { Connection } from "@/lib/connection";
import { removeConnectionOptions, testConnectionOptions } from "@/lib/queries/connections";
import { ConfirmButton } from "../../_components/confirm-button";
import { FormError } from "../../_components/form-error";
import { BolnaHookPanel } from "./bolna-hook-panel";
import { Detail } from "./connection-detail";
import { ConnectionEditForm } from "./connection-edit-form";
import { ConnectionTestResult } from "./connection-test-result";
import { SendGridWebhookPanel } from "./sendgrid-webhook-panel";

type ConnectionRowProps = { connection: Connection; defaultBudget: number };

export function ConnectionRow({ connection, defaultBudget }: ConnectionRowProps) {
  const [editing, setEditing] = useState(false);
  const test = useMutation(testConnectionOptions(connection.id));
  const remove = useMutation(removeConnectionOptions(connection.id));
  const { name, region, keyLastFour, budgetPerMinute, readOnly } = connection;

  return (
    <li data-testid="connection-row" data-connection-id={connection.id} data-read-only={readOnly} className="rounded-xl border border-line bg-panel p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <ProviderBadge provider={connection.provider} />
            {readOnly && (
              <Badge dashed title="Set in the server's environment; change it there.">
                Read-only · environment
              </Badge>
            )}
          </div>
          <p className="truncate text-lg font-semibold" data-testid="connection-name" title={name}>
            {name}
          </p>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {region && <Detail label="Region" value={REGION_LABELS[region]} />}
            <Detail label="Key" value={keyLastFour} mono testId="connection-key" />
            <Detail label="Budget" value={budgetPerMinute === null ? `Default (${defaultBudget}/min)` : `${budgetPerMinute}/min`} />
          </dl>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" disabled={test.isPending} onClick={() => test.mutate()}>
            {test.isPending ? "Testing…" : "Test"}
          </Button>
          {!readOnly && (
            <>
              <Button variant="secondary" size="sm" aria-expanded={editing} onClick={() => setEditing(!editing)}>
                {editing ? "Close" : "Edit"}
              </Button>
              <ConfirmButton label="Remove" question={`Remove "${name}"? Batches using it stop updating.`} confirmLabel="Yes, remove" pending={remove.isPending} onConfirm={() => remove.mutate()} />
            </>
          )}
        </div>
      </div>
      {test.isSuccess && <ConnectionTestResult result={test.data} />}
      <FormError message={test.isError ? `Could not test the connection: ${test.error.message}` : null} testId="connection-test-error" />
      <FormError message={remove.isError ? `Could not remove the connection: ${remove.error.message}` : null} />
      {connection.webhook && <SendGridWebhookPanel webhook={connection.webhook} readOnly={readOnly} />}
      {editing && <ConnectionEditForm connection={connection} onDone={() => setEditing(false)} />}
      {connection.provider === "bolna" && <BolnaHookPanel connectionId={connection.id} />}
    </li>
  );
}
