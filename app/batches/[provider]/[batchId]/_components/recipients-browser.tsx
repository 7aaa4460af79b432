"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SegmentedControl } from "@/components/batch/segmented-control";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { ProviderId } from "@/lib/providers/provider-id";
import { recipientsPath, recipientsQueryOptions } from "@/lib/queries/recipients";
import type { RecipientFilter } from "@/lib/recipients";
import { RecipientReasons } from "./recipient-reasons";
import { RecipientTable } from "./recipient-table";

type Filter = RecipientFilter | "all";

const FILTERS: ReadonlyArray<{ id: Filter; label: string }> = [
  { id: "failure", label: "Failed" },
  { id: "unreached", label: "Unreached" },
  { id: "success", label: "Succeeded" },
  { id: "active", label: "In progress" },
  { id: "pending", label: "Pending" },
  { id: "all", label: "All" },
];

type RecipientsBrowserProps = { provider: ProviderId; batchId: string; connectionId?: string };

/** Failures first, by reason; a filter, a search, more rows on demand, and the CSV of what is filtered. */
export function RecipientsBrowser({ provider, batchId, connectionId }: RecipientsBrowserProps) {
  const [filter, setFilter] = useState<Filter>("failure");
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const scope = { connectionId, outcome: filter === "all" ? undefined : filter, q: q || undefined };
  const list = useInfiniteQuery(recipientsQueryOptions(provider, batchId, scope));
  const first = list.data?.pages[0];
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const notes = [...new Set(list.data?.pages.flatMap((page) => page.notes) ?? [])];
  const search = (text: string) => {
    setDraft(text);
    setQ(text.trim());
  };

  if (first && !first.supported)
    return (
      <p className="text-sm text-muted" data-testid="recipients-unsupported">
        {first.notes.join(" ")}
      </p>
    );
  return (
    <div className="space-y-4" data-testid="recipients-browser">
      <div className="flex flex-wrap items-center gap-3">
        <div className="max-w-full overflow-x-auto">
          <SegmentedControl label="Outcome" options={FILTERS} value={filter} onChange={setFilter} />
        </div>
        <form
          role="search"
          className="flex min-w-56 flex-1 gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            search(draft);
          }}
        >
          <Input
            type="search"
            aria-label="Search recipients"
            placeholder="Number, address, status or reason"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="h-8"
          />
          <Button type="submit" variant="secondary" size="sm">
            Search
          </Button>
        </form>
        <a
          href={recipientsPath(provider, batchId, "csv", scope)}
          download
          className="text-sm font-medium text-outcome-active hover:underline"
          data-testid="recipients-csv"
        >
          Export CSV
        </a>
      </div>
      {first && first.reasons.length > 0 && (
        <RecipientReasons reasons={first.reasons} over={first.reasonsOver} onPick={search} />
      )}
      {list.isError && (
        <Notice tone="warning" title="Could not read the recipients" data-testid="recipients-error">
          {list.error.message}
        </Notice>
      )}
      {list.isPending && <p className="text-sm text-muted">Reading recipients…</p>}
      {list.isSuccess && rows.length === 0 && (
        <p className="text-sm text-muted" data-testid="recipients-empty">
          {list.hasNextPage
            ? "None in the rows read so far: “Show more” reads further."
            : `No recipients ${q ? "match this search" : "with this outcome"}.`}
        </p>
      )}
      {rows.length > 0 && <RecipientTable rows={rows} />}
      {list.hasNextPage && (
        <Button variant="secondary" size="sm" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="recipients-more">
          {list.isFetchingNextPage ? "Reading…" : "Show more"}
        </Button>
      )}
      {notes.length > 0 && (
        <ul className="space-y-1 text-sm text-faint" data-testid="recipients-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
