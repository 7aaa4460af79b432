import type { BoardStates as States } from "@/lib/board";
import { cn } from "@/lib/class-names";

const PARTS = [
  { key: "running", label: "running", tone: "text-state-running" },
  { key: "waiting", label: "waiting", tone: "text-state-queued" },
  { key: "done", label: "finished", tone: "text-state-completed" },
  { key: "failed", label: "failed", tone: "text-state-failed" },
  { key: "unseen", label: "not polled yet", tone: "text-muted" },
] as const satisfies ReadonlyArray<{ key: keyof States; label: string; tone: string }>;

/** A board's batches by where they were last seen: "2 running · 5 finished · 1 failed". */
export function BoardStates({ states }: { states: States }) {
  const parts = PARTS.filter((part) => states[part.key] > 0);
  if (parts.length === 0) return null;
  return (
    <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm" data-testid="board-states">
      {parts.map((part) => (
        <span
          key={part.key}
          data-state={part.key}
          data-value={states[part.key]}
          className="whitespace-nowrap"
        >
          <span className={cn("font-semibold tabular-nums", part.tone)}>{states[part.key]}</span>{" "}
          <span className="text-muted">{part.label}</span>
        </span>
      ))}
    </p>
  );
}
