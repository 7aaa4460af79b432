"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** The only time the link's URL exists outside the recipient's screen: the server keeps a hash. */
export function CreatedShareLink({ url }: { url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      // No clipboard permission (plain http, say): select the text so Ctrl+C works.
      input.current?.select();
      setCopied("no");
    }
  }

  return (
    <div
      data-testid="share-link-created"
      className="rounded-lg border border-outcome-success/40 bg-outcome-success/10 p-3"
    >
      <p className="text-sm font-medium text-ink">Copy this link now: it is shown only once.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Input
          ref={input}
          readOnly
          value={url}
          aria-label="Share link"
          data-testid="share-link-url"
          className="min-w-0 flex-1 font-mono"
          onFocus={(event) => event.target.select()}
        />
        <Button variant="secondary" onClick={() => void copy()} data-testid="copy-share-link">
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
      </div>
      {copied === "no" && (
        <p className="mt-1 text-xs text-muted">Selected: press Ctrl+C (⌘C) to copy.</p>
      )}
    </div>
  );
}
