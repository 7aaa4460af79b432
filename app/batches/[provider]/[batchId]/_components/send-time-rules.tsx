"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { holdClosesAt, pausedExpiresAt } from "@/lib/batch-action";
import type { BatchSnapshot } from "@/lib/batch-snapshot";
import { formatMoment } from "@/lib/format";
import { profileOf } from "@/lib/providers/profiles";
import { sendTimeOptions, type ActionTarget } from "@/lib/queries/batch-actions";

type SendTimeRulesProps = { target: ActionTarget; snapshot: BatchSnapshot; now: number };

/** A datetime-local value ("2026-03-02T14:50") in the browser's time zone, from epoch ms. */
function localInputValue(ms: number): string {
  const at = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return at.toISOString().slice(0, 16);
}

/**
 * For a provider that cannot report the send time (SendGrid): its rules before they bite, from
 * the send time the team gave, and the form to give or change it.
 */
export function SendTimeRules({ target, snapshot, now }: SendTimeRulesProps) {
  const profile = profileOf(target.provider);
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState("");
  const save = useMutation(sendTimeOptions(target));
  if (!profile.sendTime) return null;
  const closesAt = holdClosesAt(profile, snapshot);
  const expiresAt = pausedExpiresAt(profile, snapshot);
  const minutes = Math.round(profile.sendTime.holdClosesBeforeMs / 60_000);
  const hours = Math.round(profile.sendTime.pausedExpiresAfterMs / 3_600_000);

  function open() {
    const sendAt = snapshot.scheduledAt ? Date.parse(snapshot.scheduledAt) : now + 60 * 60_000;
    setValue(localInputValue(sendAt));
    save.reset();
    setEditing(true);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = Date.parse(value);
    if (Number.isNaN(at)) return;
    save.mutate(new Date(at).toISOString(), { onSuccess: () => setEditing(false) });
  }

  return (
    <div className="space-y-2 text-sm" data-testid="send-time-rules">
      {closesAt === null || expiresAt === null ? (
        <p>Sendboard does not know this batch’s send time ({profile.name} cannot say), so it cannot tell until when it can be paused.</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          <li data-testid="pause-deadline">
            {closesAt > now
              ? `Can be paused or cancelled until ${formatMoment(closesAt, now)} (${minutes} minutes before the send time).`
              : `Too late to pause or cancel: ${profile.name} stopped accepting them at ${formatMoment(closesAt, now)} (${minutes} minutes before the send time).`}
          </li>
          <li data-testid="pause-expiry">Paused batches expire {hours} h after the send time ({formatMoment(expiresAt, now)}).</li>
        </ul>
      )}
      {editing ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Send time">
          <div className="space-y-1">
            <label htmlFor={id} className="block text-muted">
              Send time (your time zone)
            </label>
            <Input id={id} type="datetime-local" value={value} required onChange={(event) => setValue(event.target.value)} />
          </div>
          <Button type="submit" size="sm" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save send time"}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          {save.isError && <p role="alert" className="w-full text-notice-warning">{save.error.message}</p>}
        </form>
      ) : (
        <Button variant="secondary" size="sm" data-testid="edit-send-time" onClick={open}>
          {snapshot.scheduledAt ? "Change send time" : "Enter send time"}
        </Button>
      )}
    </div>
  );
}
