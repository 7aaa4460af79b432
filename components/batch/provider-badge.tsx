import { Badge } from "@/components/ui/badge";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";

export function ProviderBadge({
  provider,
  size = "sm",
}: {
  provider: ProviderId;
  size?: "sm" | "lg";
}) {
  const info = PROVIDER_INFO[provider];
  return (
    <Badge size={size} data-provider={provider}>
      {info.name}
      <span className="font-normal text-muted">· {info.channel}</span>
    </Badge>
  );
}
