"use client";

import { useMutation } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ContactPoint } from "@/lib/alerts";
import { testContactPointOptions } from "@/lib/queries/alerts";
import { ConfirmButton } from "../../_components/confirm-button";
import { CONTACT_POINT_LABELS } from "./labels";

type Props = { point: ContactPoint; removing: boolean; onRemove: () => void };

export function ContactPointRow({ point, removing, onRemove }: Props) {
  const test = useMutation(testContactPointOptions());
  return (
    <li className="flex flex-wrap items-center gap-3 py-2" data-testid="contact-point" data-name={point.name}>
      <Badge>{CONTACT_POINT_LABELS[point.type]}</Badge>
      <span className="font-medium">{point.name}</span>
      <span className="font-mono text-sm text-faint">{point.target}</span>
      <span className="ml-auto flex flex-wrap items-center gap-2">
        {test.data && (
          <span role="status" data-testid="contact-point-test-result" className={test.data.status === "delivered" ? "text-sm text-outcome-success" : "text-sm text-notice-warning"}>
            {test.data.status === "delivered" ? "Test delivered" : `Test failed (${test.data.error ?? "unknown"})`}
          </span>
        )}
        {test.isError && (
          <span role="alert" className="text-sm text-notice-warning">
            {test.error.message}
          </span>
        )}
        <Button variant="secondary" size="sm" disabled={test.isPending} onClick={() => test.mutate(point.id)}>
          {test.isPending ? "Sending…" : "Send test"}
        </Button>
        <ConfirmButton label="Delete" question={`Delete "${point.name}"? Rules stop sending to it.`} confirmLabel="Delete" pending={removing} onConfirm={onRemove} />
      </span>
    </li>
  );
}
