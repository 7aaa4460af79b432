"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { ProviderSelect } from "@/components/batch/provider-select";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ALERT_RULE_KINDS, RULE_KIND_NEEDS, createAlertRuleSchema, type AlertRuleKind, type ContactPoint } from "@/lib/alerts";
import type { BoardSummary } from "@/lib/board";
import type { ProviderId } from "@/lib/providers/provider-id";
import { addAlertRuleOptions } from "@/lib/queries/alerts";
import { FormError } from "../../_components/form-error";
import { RULE_KIND_LABELS } from "./labels";

type Props = { boards: BoardSummary[]; contactPoints: ContactPoint[] };

export function AddAlertRuleForm({ boards, contactPoints }: Props) {
  const fieldId = useId();
  const [scope, setScope] = useState<"board" | "batch">("board");
  const [boardId, setBoardId] = useState("");
  const [provider, setProvider] = useState<ProviderId>("migma");
  const [batchId, setBatchId] = useState("");
  const [kind, setKind] = useState<AlertRuleKind>("finished");
  const [threshold, setThreshold] = useState("");
  const [minutes, setMinutes] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(addAlertRuleOptions());
  const needs = RULE_KIND_NEEDS[kind];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      ...(scope === "board" ? { boardId: boardId || boards[0]?.id } : { batch: { provider, batchId } }),
      kind,
      ...(needs.threshold !== null && { threshold: Number(threshold) }),
      ...(needs.minutes && { minutes: Number(minutes) }),
      contactPointIds: chosen,
    };
    const parsed = createAlertRuleSchema.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the fields and try again.");
    setError(null);
    add.mutate(parsed.data, {
      onSuccess: () => setBatchId(""),
      onError: (failure) => setError(`Could not add the rule: ${failure.message}`),
    });
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Add a rule" data-testid="add-alert-rule-form" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[9rem_minmax(0,1fr)_minmax(0,1fr)] sm:items-end">
        <Field id={`${fieldId}-scope`} label="Watch">
          <Select id={`${fieldId}-scope`} value={scope} onChange={(event) => setScope(event.target.value === "batch" ? "batch" : "board")}>
            <option value="board">A board</option>
            <option value="batch">One batch</option>
          </Select>
        </Field>
        {scope === "board" ? (
          <Field id={`${fieldId}-board`} label="Board">
            <Select id={`${fieldId}-board`} value={boardId || boards[0]?.id || ""} onChange={(event) => setBoardId(event.target.value)}>
              {boards.map((board) => (
                <option key={board.id} value={board.id}>
                  {board.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <>
            <Field id={`${fieldId}-provider`} label="Provider">
              <ProviderSelect id={`${fieldId}-provider`} value={provider} onChange={setProvider} />
            </Field>
            <Field id={`${fieldId}-batch`} label="Batch id">
              <Input id={`${fieldId}-batch`} value={batchId} className="font-mono" onChange={(event) => setBatchId(event.target.value)} />
            </Field>
          </>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] sm:items-end">
        <Field id={`${fieldId}-kind`} label="When">
          <Select id={`${fieldId}-kind`} value={kind} onChange={(event) => setKind(event.target.value as AlertRuleKind)}>
            {ALERT_RULE_KINDS.map((value) => (
              <option key={value} value={value}>
                {RULE_KIND_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        {needs.threshold !== null && (
          <Field id={`${fieldId}-threshold`} label={needs.threshold === "percent" ? "Percent" : "Items a minute"}>
            <Input id={`${fieldId}-threshold`} inputMode="decimal" value={threshold} onChange={(event) => setThreshold(event.target.value)} />
          </Field>
        )}
        {needs.minutes && (
          <Field id={`${fieldId}-minutes`} label="Minutes">
            <Input id={`${fieldId}-minutes`} inputMode="numeric" value={minutes} onChange={(event) => setMinutes(event.target.value)} />
          </Field>
        )}
      </div>
      <fieldset>
        <legend className="mb-1 text-sm text-muted">Send to</legend>
        {contactPoints.length === 0 && <p className="text-sm text-faint">Add a contact point first.</p>}
        <div className="flex flex-wrap gap-4">
          {contactPoints.map((point) => (
            <label key={point.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(point.id)}
                onChange={(event) => setChosen((ids) => (event.target.checked ? [...ids, point.id] : ids.filter((id) => id !== point.id)))}
              />
              {point.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? "Saving…" : "Add rule"}
      </Button>
      <FormError message={error} testId="alert-rule-form-error" />
    </form>
  );
}
