import { toWholePercent } from "@/lib/format";
import { cn } from "@/lib/class-names";

type ProgressBarProps = {
  /** 0..1, or null when progress cannot be known: the bar then carries no value. */
  value: number | null;
  label: string;
  /** A background class for the filled part, e.g. `bg-state-running`. */
  fillClassName?: string;
  /** `unit`: a height in the card text unit (--u) a board or wall card sets. */
  size?: "sm" | "lg" | "unit";
  className?: string;
  testId?: string;
};

export function ProgressBar({
  value,
  label,
  fillClassName = "bg-outcome-active",
  size = "sm",
  className,
  testId,
}: ProgressBarProps) {
  const percent = toWholePercent(value);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? "Progress unknown" : `${percent}%`}
      data-testid={testId}
      className={cn(
        "w-full overflow-hidden rounded-full bg-raised",
        size === "lg" ? "h-5 sm:h-7" : size === "unit" ? "h-[calc(var(--u)*0.45)]" : "h-2",
        className,
      )}
    >
      {percent === null ? (
        <div className="h-full w-full bg-[repeating-linear-gradient(135deg,transparent_0_8px,rgb(255_255_255/0.05)_8px_16px)]" />
      ) : (
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-700 ease-out",
            fillClassName,
          )}
          style={{ width: `${percent}%` }}
        />
      )}
    </div>
  );
}
