"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A value shown once (an invite link, an API token, a hook URL) with a button that copies it.
 * Where the clipboard is refused (plain http, a locked-down browser) the text stays selectable
 * and the notice says so.
 */
export function CopyableValue({ value, noun, testId }: { value: string; noun: string; testId: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 break-all rounded-md border border-line bg-canvas px-3 py-2 font-mono text-ink select-all">
          {value}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : `Copy ${noun}`}
        </Button>
      </div>
      {copied === "failed" && <p className="mt-2 text-notice-warning">Copying is blocked here: select the {noun} and copy it by hand.</p>}
    </>
  );
}
