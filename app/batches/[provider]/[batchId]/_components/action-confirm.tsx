"use client";

import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ACTION_LABELS, needsTypedName } from "@/lib/batch-action-copy";
import type { BatchAction } from "@/lib/providers/provider-profile";

type ActionConfirmProps = {
  action: BatchAction;
  /** The batch as the page names it; typed to confirm a cancel or a stop. */
  name: string;
  consequence: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Names the batch and what will happen; a cancel or a stop asks for the batch's name, typed. */
export function ActionConfirm({ action, name, consequence, pending, onConfirm, onCancel }: ActionConfirmProps) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const typedOk = !needsTypedName(action) || typed.trim() === name;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typedOk && !pending) onConfirm();
  }

  return (
    <form
      onSubmit={submit}
      role="group"
      aria-label={`${ACTION_LABELS[action]} ${name}?`}
      data-testid="action-confirm"
      className="space-y-3 rounded-md border border-notice-warning/40 bg-notice-warning/10 p-3 text-sm"
    >
      <p>
        <strong>
          {ACTION_LABELS[action]} “{name}”?
        </strong>{" "}
        {consequence}
      </p>
      {needsTypedName(action) && (
        <div className="space-y-1">
          <label htmlFor={id} className="block text-muted">
            Type the batch’s name, <span className="font-mono">{name}</span>, to confirm
          </label>
          <Input id={id} value={typed} autoComplete="off" onChange={(event) => setTyped(event.target.value)} className="max-w-md" />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={!typedOk || pending}>
          {pending ? "Working…" : `Yes, ${ACTION_LABELS[action].toLowerCase()}`}
        </Button>
        <Button variant="ghost" size="sm" disabled={pending} onClick={onCancel}>
          Keep it as it is
        </Button>
      </div>
    </form>
  );
}
