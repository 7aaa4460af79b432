"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { createShareLinkOptions } from "@/lib/queries/share-links";
import { DEFAULT_SHARE_LINK_HOURS } from "@/lib/share-link";
import { CreatedShareLink } from "./created-share-link";

const EXPIRY_CHOICES = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "1 day" },
  { hours: DEFAULT_SHARE_LINK_HOURS, label: "7 days" },
  { hours: 30 * 24, label: "30 days" },
  { hours: 90 * 24, label: "90 days" },
] as const;

export function CreateShareLinkForm({ boardId }: { boardId: string }) {
  const fieldId = useId();
  const [hours, setHours] = useState<number>(DEFAULT_SHARE_LINK_HOURS);
  const create = useMutation(createShareLinkOptions(boardId));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ expiresInHours: hours });
  }

  return (
    <div className="space-y-3">
      <form
        onSubmit={submit}
        data-testid="create-share-link-form"
        className="flex flex-wrap items-end gap-3"
      >
        <div>
          <label htmlFor={`${fieldId}-expiry`} className="mb-1 block text-sm text-muted">
            Works for
          </label>
          <Select
            id={`${fieldId}-expiry`}
            value={hours}
            onChange={(event) => setHours(Number(event.target.value))}
            className="w-40"
          >
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.hours} value={choice.hours}>
                {choice.label}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create link"}
        </Button>
      </form>
      {create.isError && (
        <p role="alert" className="text-sm text-notice-warning">
          Could not create the link: {create.error.message}
        </p>
      )}
      {create.data && <CreatedShareLink key={create.data.id} url={create.data.url} />}
    </div>
  );
}
