type BudgetNoteProps = { budgetPerMinute: number; intervalMs: number };

/** Said only when the provider's request budget, not the batch, sets how often numbers refresh. */
export function BudgetNote({ budgetPerMinute, intervalMs }: BudgetNoteProps) {
  return (
    <p className="text-sm text-muted" data-testid="batch-budget-note">
      This provider allows {budgetPerMinute} calls/min: refreshing every{" "}
      {Math.round(intervalMs / 1000)} s
    </p>
  );
}
