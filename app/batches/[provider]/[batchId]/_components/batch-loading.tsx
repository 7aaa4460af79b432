import { Card } from "@/components/ui/card";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";

/**
 * Says it is loading in words, with no "—" or empty bar that a batch without numbers could also
 * show. Still, not pulsing: wall screens should not flicker.
 */
export function BatchLoading({ provider }: { provider: ProviderId }) {
  return (
    <Card aria-busy="true" data-testid="batch-loading" className="border-dashed">
      <p className="text-2xl font-semibold text-muted sm:text-3xl">Loading…</p>
      <p className="mt-2 text-lg text-muted">
        Asking {PROVIDER_INFO[provider].name} for this batch. Numbers appear here as soon as it
        answers.
      </p>
    </Card>
  );
}
