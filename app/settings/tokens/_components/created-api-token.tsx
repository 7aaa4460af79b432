"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { CreatedApiToken } from "@/lib/api-token";

/** The only time the token exists outside the script that will use it: the server keeps just a hash. */
export function CreatedApiTokenNotice({ created }: { created: CreatedApiToken }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div role="status" data-testid="created-api-token" className="mt-4 rounded-md border border-notice-info/40 bg-notice-info/10 p-4 text-sm">
      <p className="font-semibold text-notice-info">Token {created.item.name}</p>
      <p className="mt-1 text-ink/80">Shown once: copy it now into the system that will use it. Sendboard keeps only a hash.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="api-token-value" className="min-w-0 flex-1 break-all rounded-md border border-line bg-canvas px-3 py-2 font-mono text-ink select-all">
          {created.token}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy token"}
        </Button>
      </div>
      {copied === "failed" && <p className="mt-2 text-notice-warning">Copying is blocked here: select the token and copy it by hand.</p>}
    </div>
  );
}
