"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { BATCH_LABEL_MAX } from "@/lib/batch-label";
import { setBatchLabelOptions, type LabelTarget } from "@/lib/queries/labels";

type LabelEditorProps = {
  target: LabelTarget;
  /** The team's label now, or null. */
  label: string | null;
  /** What shows when the label is cleared: the provider's name for the batch, else its id. */
  fallback: string;
  /** The name as shown, replaced by the form while editing. */
  children?: ReactNode;
  onSaved?: (label: string | null) => void;
  className?: string;
};

/** "Rename" beside a batch's name: one label for the whole team, empty to show the provider's name again. */
export function LabelEditor({
  target,
  label,
  fallback,
  children,
  onSaved,
  className,
}: LabelEditorProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const save = useMutation(setBatchLabelOptions(target));

  function open() {
    setText(label ?? "");
    save.reset();
    setEditing(true);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = text.trim() === "" ? null : text.trim();
    if (next === label) return setEditing(false);
    save.mutate(next, {
      onSuccess: (saved) => {
        setEditing(false);
        onSaved?.(saved);
      },
    });
  }

  if (!editing) {
    return (
      <>
        {children}
        <Button
          variant="ghost"
          size="sm"
          className={className}
          data-testid="rename-batch"
          aria-label={`Rename ${label ?? fallback}`}
          onClick={open}
        >
          Rename
        </Button>
      </>
    );
  }
  return (
    <form
      onSubmit={submit}
      data-testid="label-form"
      className="flex w-full min-w-0 flex-wrap items-center gap-2"
      aria-label="Rename the batch"
    >
      <Input
        aria-label="Name for the whole team"
        aria-describedby={`${id}-hint`}
        value={text}
        maxLength={BATCH_LABEL_MAX}
        autoFocus
        placeholder={fallback}
        className="min-w-0 flex-1 basis-48"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setEditing(false);
        }}
      />
      <Button type="submit" size="sm" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
        Cancel
      </Button>
      <p id={`${id}-hint`} className="w-full text-xs text-muted">
        Everyone on the team sees this name. Leave it empty to show “{fallback}”.
      </p>
      {save.isError && (
        <p role="alert" className="w-full text-sm text-notice-warning">
          Could not rename: {save.error.message}
        </p>
      )}
    </form>
  );
}
