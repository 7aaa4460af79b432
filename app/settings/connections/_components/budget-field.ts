/** The budget input's text as the API wants it: empty means the provider's default (null). */
export function parseBudget(text: string): number | null | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : "invalid";
}

export const BUDGET_HINT = "Calls a minute Sendboard may make with this key. Empty: the provider's default.";
