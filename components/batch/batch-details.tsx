import { Card } from "@/components/ui/card";
import type { BatchDetails as Details } from "@/lib/batch-snapshot";
import { EMPTY_VALUE, formatCount } from "@/lib/format";

/** "fromEmail" / "from_email" → "From email". */
function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueOf(value: Details[string]): string {
  if (value === null) return EMPTY_VALUE;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number")
    return Number.isInteger(value) ? formatCount(value) : String(value);
  if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : EMPTY_VALUE;
  return value === "" ? EMPTY_VALUE : value;
}

export function BatchDetails({ details }: { details: Details }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <Card title="Provider details" data-testid="batch-details">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {entries.map(([key, value]) => (
          <div key={key} className="min-w-0">
            <dt className="text-sm text-muted">{labelOf(key)}</dt>
            <dd className="break-words font-medium">{valueOf(value)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
