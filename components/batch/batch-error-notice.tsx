import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { ApiError } from "@/lib/api-client";
import type { ApiErrorCode } from "@/lib/api-client";
import { ERROR_RETRY_MS, WAITING_POLL_MS } from "@/config/polling";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import type { ProviderId } from "@/lib/providers/provider-id";

type Copy = { tone: "warning" | "info" | "neutral"; title: string; hint: string };

const retry = `Sendboard tries again every ${ERROR_RETRY_MS / 1000} s.`;

function copyFor(code: ApiErrorCode, provider: string): Copy {
  switch (code) {
    case "invalid_batch_id":
    case "invalid_provider":
    case "bad_request":
      return {
        tone: "neutral",
        title: "This batch id is not valid",
        hint: "Check the address; Sendboard will not ask the provider for it.",
      };
    case "not_found":
      // The provider's own message already says there is no such batch: the hint says what to try.
      return {
        tone: "neutral",
        title: "Batch not found",
        hint: `Check the id, and that it belongs to the ${provider} account this page reads through. Sendboard checks again every ${WAITING_POLL_MS / 1000} s in case it appears.`,
      };
    case "not_configured":
      return {
        tone: "info",
        title: `${provider} is not set up`,
        hint: `An admin can add a ${provider} connection in Settings → Connections. Sendboard checks again every ${WAITING_POLL_MS / 1000} s.`,
      };
    case "provider_timeout":
      return {
        tone: "warning",
        title: `${provider} is not answering`,
        hint: `The request timed out. ${retry}`,
      };
    case "provider_rate_limited":
      return {
        tone: "warning",
        title: `${provider} asked Sendboard to slow down`,
        hint: `Rate limited by the provider. ${retry}`,
      };
    case "provider_bad_response":
      return {
        tone: "warning",
        title: `${provider} sent data Sendboard cannot read`,
        hint: `The answer was not in the documented format. ${retry}`,
      };
    case "provider_auth_failed":
      return {
        tone: "warning",
        title: `${provider} rejected Sendboard's API key`,
        hint: "Check the key in the server configuration.",
      };
    case "provider_error":
      return { tone: "warning", title: `${provider} is having problems`, hint: retry };
    case "unauthorized":
      return {
        tone: "neutral",
        title: "You are signed out",
        hint: "Sign in again to keep watching this batch.",
      };
    case "network_error":
      return { tone: "warning", title: "Cannot reach the Sendboard server", hint: retry };
    default:
      return { tone: "warning", title: "Something went wrong loading this batch", hint: retry };
  }
}

type BatchErrorNoticeProps = {
  error: unknown;
  provider: ProviderId;
  /** True when older numbers stay on screen below the notice. */
  keepsData: boolean;
  signInPath: string;
};

export function BatchErrorNotice({
  error,
  provider,
  keepsData,
  signInPath,
}: BatchErrorNoticeProps) {
  const code: ApiErrorCode = error instanceof ApiError ? error.code : "internal";
  const message = error instanceof Error ? error.message : null;
  const copy = copyFor(code, PROVIDER_INFO[provider].name);
  return (
    <Notice
      tone={copy.tone}
      title={copy.title}
      large={!keepsData}
      data-testid="batch-error"
      data-code={code}
      actions={
        code === "unauthorized" ? (
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(signInPath)}`}
            className="font-medium text-ink underline"
          >
            Sign in
          </Link>
        ) : undefined
      }
    >
      {message && message !== copy.title && <p>{message}</p>}
      <p className="text-ink/70">{copy.hint}</p>
      {keepsData && <p className="text-ink/70">The numbers below are the last ones received.</p>}
    </Notice>
  );
}
