"use client";

import { useMutation } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import type { ApiToken } from "@/lib/api-token";
import { API_TOKEN_ROLE_LABELS } from "@/lib/api-token";
import { formatDateTime } from "@/lib/format";
import { revokeApiTokenOptions } from "@/lib/queries/api-tokens";
import { ConfirmButton } from "../../_components/confirm-button";
import { FormError } from "../../_components/form-error";

function statusOf(token: ApiToken, now: number): "revoked" | "expired" | null {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now) return "expired";
  return null;
}

export function ApiTokenRow({ token, now }: { token: ApiToken; now: number }) {
  const revoke = useMutation(revokeApiTokenOptions(token.id));
  const status = statusOf(token, now);
  return (
    <li data-testid="api-token-row" data-token-id={token.id} data-status={status ?? "active"} className="rounded-xl border border-line bg-panel p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-semibold">
            <span className="truncate">{token.name}</span>
            <Badge>{API_TOKEN_ROLE_LABELS[token.role]}</Badge>
            {status && <Badge dashed tone="text-notice-warning">{status === "revoked" ? "Revoked" : "Expired"}</Badge>}
          </p>
          <dl className="mt-1 grid gap-x-4 text-sm text-muted sm:grid-flow-col sm:auto-cols-max">
            <div>
              <dt className="inline">Token </dt>
              <dd className="inline font-mono" data-testid="api-token-last4">sb_…{token.last4}</dd>
            </div>
            <div>
              <dt className="inline">Created by </dt>
              <dd className="inline">{token.createdBy?.name ?? "a removed user"}, {formatDateTime(token.createdAt)}</dd>
            </div>
            <div>
              <dt className="inline">Last used </dt>
              <dd className="inline" data-testid="api-token-last-used">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</dd>
            </div>
            <div>
              <dt className="inline">Expires </dt>
              <dd className="inline">{token.expiresAt ? formatDateTime(token.expiresAt) : "never"}</dd>
            </div>
          </dl>
        </div>
        {status !== "revoked" && (
          <ConfirmButton
            label="Revoke"
            question={`Revoke ${token.name}? Every request with it is refused from now on.`}
            confirmLabel="Yes, revoke"
            pending={revoke.isPending}
            onConfirm={() => revoke.mutate()}
          />
        )}
      </div>
      <FormError message={revoke.error ? revoke.error.message : null} />
    </li>
  );
}
