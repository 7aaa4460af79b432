"use client";

import { CopyableValue } from "@/components/ui/copyable-value";

/** The only time the hook URL exists outside Bolna's settings: Sendboard keeps a hash of its token. */
export function CreatedHookUrl({ url }: { url: string }) {
  return (
    <div role="status" data-testid="created-hook-url" className="rounded-md border border-notice-info/40 bg-notice-info/10 p-3">
      <p className="text-ink/80">Shown once: paste it into Bolna now. Rotating makes a new one and stops this one at once.</p>
      <CopyableValue value={url} noun="URL" testId="bolna-hook-url" />
    </div>
  );
}
