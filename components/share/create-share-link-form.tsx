"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { checkFrameOrigin, FRAME_ORIGIN_EXAMPLE } from "@/lib/frame-origin";
import { createShareLinkOptions } from "@/lib/queries/share-links";
import type { NewShareLinkTarget } from "@/lib/queries/share-links";
import { DEFAULT_SHARE_LINK_HOURS, SHARE_LINK_NAME_MAX } from "@/lib/share-link";
import { CreatedShareLink } from "./created-share-link";

const EXPIRY_CHOICES = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "1 day" },
  { hours: DEFAULT_SHARE_LINK_HOURS, label: "7 days" },
  { hours: 30 * 24, label: "30 days" },
  { hours: 90 * 24, label: "90 days" },
] as const;

/** A new read-only link to a board's wall or to one batch, named, with its lifetime and embedding origin. */
export function CreateShareLinkForm({ target }: { target: NewShareLinkTarget }) {
  const fieldId = useId();
  const [name, setName] = useState("");
  const [hours, setHours] = useState<number>(DEFAULT_SHARE_LINK_HOURS);
  const [frameOrigin, setFrameOrigin] = useState("");
  const [frameError, setFrameError] = useState<string | null>(null);
  const create = useMutation(createShareLinkOptions(target));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = frameOrigin.trim();
    const checked = typed ? checkFrameOrigin(typed) : null;
    if (checked && "problem" in checked) {
      setFrameError(checked.problem);
      return;
    }
    create.mutate({ name: name.trim() || null, expiresInHours: hours, frameOrigin: checked?.origin });
  }

  return (
    <div className="space-y-3">
      <form
        onSubmit={submit}
        data-testid="create-share-link-form"
        className="flex flex-wrap items-end gap-3"
      >
        <Field id={`${fieldId}-name`} label={<>Name <span className="text-faint">(optional)</span></>} className="w-full sm:w-56">
          <Input
            id={`${fieldId}-name`}
            value={name}
            maxLength={SHARE_LINK_NAME_MAX}
            autoComplete="off"
            placeholder="Lobby TV"
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field id={`${fieldId}-expiry`} label="Works for">
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
        </Field>
        <Field id={`${fieldId}-frame`} label={<>Allow embedding on <span className="text-faint">(origin)</span></>} className="w-full sm:w-80">
          <Input
            id={`${fieldId}-frame`}
            value={frameOrigin}
            autoComplete="off"
            spellCheck={false}
            placeholder={FRAME_ORIGIN_EXAMPLE}
            aria-invalid={frameError !== null}
            aria-describedby={`${fieldId}-frame-hint`}
            className="font-mono"
            onChange={(event) => {
              setFrameOrigin(event.target.value);
              setFrameError(null);
            }}
          />
        </Field>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create link"}
        </Button>
      </form>
      <p id={`${fieldId}-frame-hint`} className="text-xs text-faint">
        Optional: the one site allowed to show this page in an iframe. Empty: no site may.
      </p>
      {frameError && (
        <p role="alert" data-testid="frame-origin-error" className="text-sm text-notice-warning">
          {frameError}
        </p>
      )}
      {create.isError && (
        <p role="alert" className="text-sm text-notice-warning">
          Could not create the link: {create.error.message}
        </p>
      )}
      {create.data && <CreatedShareLink key={create.data.id} url={create.data.url} />}
    </div>
  );
}
