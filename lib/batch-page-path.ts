/**
 * The address of a batch's page. The connection is part of it, so a teammate opening the link
 * sees the same account's batch. `provider` is a plain string because the page itself builds its
 * own address (for the sign-in redirect) before it has checked the provider.
 */
export function batchPagePath(provider: string, batchId: string, connectionId?: string | null): string {
  const path = `/batches/${encodeURIComponent(provider)}/${encodeURIComponent(batchId)}`;
  return connectionId ? `${path}?${new URLSearchParams({ connection: connectionId })}` : path;
}
