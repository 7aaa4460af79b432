import { cn } from "@/lib/class-names";
import { WATCHED_GRID } from "./watched-columns";

const COLUMNS = ["Provider", "Batch", "State", "Progress", "Processed", "Failed", "Updated", ""];

export function WatchedListHeader() {
  return (
    <div
      aria-hidden
      className={cn(
        "hidden px-4 pb-2 text-xs font-medium uppercase tracking-wide text-faint",
        WATCHED_GRID,
      )}
    >
      {COLUMNS.map((column, index) => (
        <span key={index} className={index >= 4 && index <= 6 ? "text-right" : undefined}>
          {column}
        </span>
      ))}
    </div>
  );
}
