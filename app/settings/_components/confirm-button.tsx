"use client";

import { useState } from "react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

type ConfirmButtonProps = {
  label: string;
  /** Shown in place of the button until confirmed or cancelled. */
  question: ReactNode;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
};

/** A destructive action that asks once, inline, instead of a browser dialog. */
export function ConfirmButton({ label, question, confirmLabel, pending, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="ghost" size="sm" onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-2 rounded-md border border-notice-warning/40 bg-notice-warning/10 px-3 py-1.5 text-sm">
      <span>{question}</span>
      <Button size="sm" disabled={pending} onClick={onConfirm}>
        {pending ? "Working…" : confirmLabel}
      </Button>
      <Button variant="ghost" size="sm" disabled={pending} onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </div>
  );
}
