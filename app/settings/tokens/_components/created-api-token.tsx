"use client";

import { CopyableValue } from "@/components/ui/copyable-value";
import type { CreatedApiToken } from "@/lib/api-token";

/** The only time the token exists outside the script that will use it: the server keeps just a hash. */
export function CreatedApiTokenNotice({ created }: { created: CreatedApiToken }) {
  return (
    <div role="status" data-testid="created-api-token" className="mt-4 rounded-md border border-notice-info/40 bg-notice-info/10 p-4 text-sm">
      <p className="font-semibold text-notice-info">Token {created.item.name}</p>
      <p className="mt-1 text-ink/80">Shown once: copy it now into the system that will use it. Sendboard keeps only a hash.</p>
      <CopyableValue value={created.token} noun="token" testId="api-token-value" />
    </div>
  );
}
