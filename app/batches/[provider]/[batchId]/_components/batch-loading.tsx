import { Card } from "@/components/ui/card";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";

/** A still placeholder, not a pulsing one: wall screens should not flicker. */
export function BatchLoading({ provider }: { provider: ProviderId }) {
  return (
    <Card aria-busy="true" data-testid="batch-loading">
      <p className="text-stat-xl text-faint">—</p>
      <p className="mt-2 text-lg text-muted">
        Asking {PROVIDER_INFO[provider].name} for this batch…
      </p>
      <div className="mt-5 h-5 w-full rounded-full bg-raised sm:h-7" />
    </Card>
  );
}
