"use client";

import { useState } from "react";
import { CreateShareLinkForm } from "@/components/share/create-share-link-form";
import { Button } from "@/components/ui/button";
import type { ProviderId } from "@/lib/providers/provider-id";

type ShareBatchProps = { provider: ProviderId; batchId: string; connectionId?: string };

/** A read-only link to this one batch, made from its page (the team's links are in Settings → Share links). */
export function ShareBatch({ provider, batchId, connectionId }: ShareBatchProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" aria-expanded={open} data-testid="share-batch-open" onClick={() => setOpen(!open)}>
        {open ? "Close sharing" : "Share this batch"}
      </Button>
      {open && (
        <section
          aria-label="Share this batch"
          data-testid="share-batch"
          className="basis-full rounded-lg border border-line bg-raised p-4"
        >
          <p className="mb-3 text-sm text-muted">Anyone with the link sees this batch live, read-only, and nothing else.</p>
          <CreateShareLinkForm target={{ batch: connectionId ? { provider, batchId, connectionId } : { provider, batchId } }} />
        </section>
      )}
    </>
  );
}
