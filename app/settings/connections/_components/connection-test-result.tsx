import type { ConnectionTestResult as Result } from "@/lib/connection";
import { cn } from "@/lib/class-names";

export function ConnectionTestResult({ result }: { result: Result }) {
  return (
    <div
      role="status"
      data-testid="connection-test-result"
      data-ok={result.ok}
      className={cn(
        "mt-3 rounded-md border p-3 text-sm",
        result.ok ? "border-outcome-success/40 bg-outcome-success/10 text-outcome-success" : "border-notice-warning/40 bg-notice-warning/10 text-notice-warning",
      )}
    >
      <p>{result.message}</p>
      {result.missingScopes && result.missingScopes.length > 0 && (
        <p className="mt-1 text-ink/80">
          Missing scopes: <span className="font-mono">{result.missingScopes.join(", ")}</span>
        </p>
      )}
    </div>
  );
}
