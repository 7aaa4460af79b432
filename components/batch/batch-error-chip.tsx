import { Badge } from "@/components/ui/badge";
import { ApiError } from "@/lib/api-client";
import type { ApiErrorCode } from "@/lib/api-client";

const SHORT: Partial<Record<ApiErrorCode, { text: string; calm?: boolean }>> = {
  invalid_batch_id: { text: "Invalid id", calm: true },
  invalid_provider: { text: "Unknown provider", calm: true },
  not_found: { text: "Not found", calm: true },
  unauthorized: { text: "Signed out", calm: true },
  not_configured: { text: "Provider not set up" },
  provider_timeout: { text: "Provider not answering" },
  provider_rate_limited: { text: "Rate limited" },
  provider_bad_response: { text: "Unreadable answer" },
  provider_auth_failed: { text: "Key rejected" },
  provider_error: { text: "Provider error" },
  network_error: { text: "Server unreachable" },
};

/** A compact error label for list rows; the batch page explains it in full. */
export function BatchErrorChip({ error, size }: { error: unknown; size?: "sm" | "inherit" }) {
  const code: ApiErrorCode = error instanceof ApiError ? error.code : "internal";
  const short = SHORT[code] ?? { text: "Error" };
  return (
    <Badge
      size={size}
      tone={short.calm ? "text-muted" : "text-notice-warning"}
      data-testid="batch-error"
      data-code={code}
      title={error instanceof Error ? error.message : undefined}
    >
      {short.text}
    </Badge>
  );
}
