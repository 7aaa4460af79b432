"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useNow } from "@/lib/hooks/use-now";
import { profileOf } from "@/lib/providers/profiles";
import { PROVIDER_INFO } from "@/lib/providers/provider-id";
import { recentSendsQueryOptions, sendConnectionsQueryOptions } from "@/lib/queries/sends";
import { RECENT_SENDS_QUERY_MAX, type RecentSend } from "@/lib/recent-sends";
import { RecentSendRow } from "./recent-send-row";

/** Typing pauses this long before the server is asked: one list call per search, not per key. */
const SEARCH_DEBOUNCE_MS = 300;

type RecentSendsPickerProps = {
  pickLabel: string;
  watchedIsTaken: boolean;
  disabled: boolean;
  onPick: (send: RecentSend, connectionId: string) => void;
};

/** Choose a connection, see its recent sends newest first, search them, and pick one. */
export function RecentSendsPicker({ pickLabel, watchedIsTaken, disabled, onPick }: RecentSendsPickerProps) {
  const fieldId = useId();
  const connections = useQuery(sendConnectionsQueryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  // Start on a connection that can list its sends: Migma's would open on the paste box alone.
  const listing = connections.data?.find((connection) => profileOf(connection.provider).capabilities.list !== "none");
  const connectionId = chosen ?? listing?.id ?? connections.data?.[0]?.id ?? null;
  const [typed, setTyped] = useState("");
  const q = useDebounced(typed.trim(), SEARCH_DEBOUNCE_MS);
  const sends = useInfiniteQuery({ ...recentSendsQueryOptions(connectionId ?? "", q), enabled: connectionId !== null });
  const now = useNow();

  if (connections.data?.length === 0) return null;
  const page = sends.data?.pages;
  const items = page?.flatMap((each) => each.items) ?? [];
  const notes = [...new Set(page?.flatMap((each) => each.notes) ?? [])];
  const supported = page?.[0]?.supported ?? true;

  return (
    <section data-testid="recent-sends" aria-label="Recent sends" className="mb-5">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
        <Field id={`${fieldId}-connection`} label="Connection">
          <Select id={`${fieldId}-connection`} value={connectionId ?? ""} onChange={(event) => setChosen(event.target.value)}>
            {connections.data?.map((connection) => (
              <option key={connection.id} value={connection.id}>
                {connection.name} · {PROVIDER_INFO[connection.provider].name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${fieldId}-search`} label="Search recent sends">
          <Input
            id={`${fieldId}-search`}
            type="search"
            value={typed}
            maxLength={RECENT_SENDS_QUERY_MAX}
            placeholder="Name or id"
            disabled={!supported}
            onChange={(event) => setTyped(event.target.value)}
          />
        </Field>
      </div>
      {sends.isPending && connectionId !== null && <p className="mt-3 text-sm text-muted">Loading recent sends…</p>}
      {sends.isError && (
        <p role="alert" data-testid="recent-sends-error" className="mt-3 text-sm text-notice-warning">
          {sends.error.message}{" "}
          <Button size="sm" variant="ghost" onClick={() => void sends.refetch()}>
            Try again
          </Button>
        </p>
      )}
      {supported && sends.isSuccess && items.length === 0 && (
        <p className="mt-3 text-sm text-muted">{q ? "No recent send matches this search." : "No recent sends on this connection."}</p>
      )}
      {items.length > 0 && (
        <ul aria-label="Recent sends, newest first" className="mt-3 max-h-80 overflow-y-auto">
          {items.map((send) => (
            <RecentSendRow
              key={send.batchId}
              send={send}
              now={now}
              pickLabel={pickLabel}
              watchedIsTaken={watchedIsTaken}
              disabled={disabled}
              onPick={(picked) => connectionId && onPick(picked, connectionId)}
            />
          ))}
        </ul>
      )}
      {sends.hasNextPage && (
        <Button size="sm" variant="ghost" className="mt-2" disabled={sends.isFetchingNextPage} onClick={() => void sends.fetchNextPage()}>
          {sends.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      )}
      {notes.map((note) => (
        <p key={note} data-testid="recent-sends-note" className="mt-2 text-xs text-faint">
          {note}
        </p>
      ))}
    </section>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
