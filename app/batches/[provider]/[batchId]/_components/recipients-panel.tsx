"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { profileOf } from "@/lib/providers/profiles";
import type { ProviderId } from "@/lib/providers/provider-id";
import { RecipientsBrowser } from "./recipients-browser";

type RecipientsPanelProps = { provider: ProviderId; batchId: string; connectionId?: string };

/**
 * Who failed and why. Closed until someone opens it: reading rows spends the connection's budget,
 * so nothing is asked of the provider for a page nobody looks at.
 */
export function RecipientsPanel({ provider, batchId, connectionId }: RecipientsPanelProps) {
  const [open, setOpen] = useState(false);
  const { name, capabilities } = profileOf(provider);
  if (capabilities.recipients === "none") {
    return (
      <Card title="Recipients" data-testid="recipients-panel">
        <p className="text-sm text-muted" data-testid="recipients-unsupported">
          {name} does not report its recipients one by one: only the batch&apos;s totals are shown.
        </p>
      </Card>
    );
  }
  return (
    <Card
      title="Recipients"
      description={open ? undefined : `Who failed and why, one row per recipient, read from ${name} when you open this.`}
      data-testid="recipients-panel"
      actions={
        <Button variant="secondary" size="sm" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="recipients-toggle">
          {open ? "Hide recipients" : "Show recipients"}
        </Button>
      }
    >
      {open && <RecipientsBrowser provider={provider} batchId={batchId} connectionId={connectionId} />}
    </Card>
  );
}
