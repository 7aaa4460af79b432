"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The only time the hook URL exists outside Bolna's settings: Sendboard keeps a hash of its token. */
export function CreatedHookUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div role="status" data-testid="created-hook-url" className="rounded-md border border-notice-info/40 bg-notice-info/10 p-3">
      <p className="text-ink/80">Shown once: paste it into Bolna now. Rotating makes a new one and stops this one at once.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="bolna-hook-url" className="min-w-0 flex-1 break-all rounded-md border border-line bg-canvas px-3 py-2 font-mono text-ink select-all">
          {url}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy URL"}
        </Button>
      </div>
      {copied === "failed" && <p className="mt-2 text-notice-warning">Copying is blocked here: select the URL and copy it by hand.</p>}
    </div>
  );
}
