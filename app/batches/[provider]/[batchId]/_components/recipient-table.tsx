import { formatDateTime } from "@/lib/format";
import type { RecipientRow } from "@/lib/recipient-row";

function detailsText(details: RecipientRow["details"]): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== "")
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`)
    .join(" · ");
}

/** The rows as the provider reports them; recipients in full, since only the team sees this page. */
export function RecipientTable({ rows }: { rows: RecipientRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="recipient-rows">
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Recipient</th>
            <th scope="col" className="py-2 pr-4 font-medium">Status</th>
            <th scope="col" className="min-w-48 py-2 pr-4 font-medium">Reason</th>
            <th scope="col" className="py-2 pr-4 font-medium">When</th>
            <th scope="col" className="min-w-64 py-2 font-medium">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row, index) => (
            <tr key={`${row.recipient}-${index}`} data-testid="recipient-row">
              <td className="py-2 pr-4 font-mono whitespace-nowrap text-ink">{row.recipient}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{row.status}</td>
              <td className="py-2 pr-4">{row.reason ?? "—"}</td>
              <td className="py-2 pr-4 whitespace-nowrap text-muted">{formatDateTime(row.at)}</td>
              <td className="py-2 text-xs text-faint">{detailsText(row.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
