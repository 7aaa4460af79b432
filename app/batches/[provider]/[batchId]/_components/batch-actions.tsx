"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { offeredActions } from "@/lib/batch-action";
import { actionConsequence, ACTION_LABELS } from "@/lib/batch-action-copy";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { profileOf } from "@/lib/providers/profiles";
import type { BatchAction } from "@/lib/providers/provider-profile";
import { batchActionOptions, type ActionTarget } from "@/lib/queries/batch-actions";
import { ActionConfirm } from "./action-confirm";
import { SendTimeRules } from "./send-time-rules";

type BatchActionsProps = {
  target: ActionTarget;
  /** The batch as the page names it. */
  name: string;
  snapshot: BatchSnapshot;
  /** The signed-in person may act on sends (admins, operators); members see no buttons. */
  canAct: boolean;
  now: number;
};

/** The actions the provider and the batch's state allow, each behind a confirmation, and SendGrid's send-time rules. */
export function BatchActions({ target, name, snapshot, canAct, now }: BatchActionsProps) {
  const profile = profileOf(target.provider);
  const [asking, setAsking] = useState<BatchAction | null>(null);
  const act = useMutation(batchActionOptions(target));
  const offered = canAct ? offeredActions(profile, snapshot, now) : [];
  if (profile.capabilities.actions.length === 0 && !profile.sendTime) return null;

  return (
    <Card title="Actions" data-testid="batch-actions">
      <div className="space-y-3">
        {profile.sendTime && <SendTimeRules target={target} snapshot={snapshot} now={now} />}
        {canAct && offered.length === 0 && (
          <p className="text-sm text-muted">Nothing can be done to this batch in its state ({snapshot.state}).</p>
        )}
        {asking ? (
          <ActionConfirm
            action={asking}
            name={name}
            consequence={actionConsequence(asking, profile, snapshot)}
            pending={act.isPending}
            onConfirm={() => act.mutate(asking, { onSuccess: () => setAsking(null) })}
            onCancel={() => {
              act.reset();
              setAsking(null);
            }}
          />
        ) : (
          offered.length > 0 && (
            <div className="flex flex-wrap gap-2">
              {offered.map((action) => (
                <Button key={action} variant="secondary" size="sm" data-testid={`action-${action}`} onClick={() => (act.reset(), setAsking(action))}>
                  {ACTION_LABELS[action]}
                </Button>
              ))}
            </div>
          )
        )}
        {act.isError && (
          <p role="alert" data-testid="action-error" className="text-sm text-notice-warning">
            {act.error.message}
          </p>
        )}
      </div>
    </Card>
  );
}
