import type { HTMLAttributes } from "react";
import { cn } from "@/lib/class-names";

type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  /** A text colour class (e.g. `text-state-running`) the border and tint derive from; none = neutral. */
  tone?: string;
  size?: "sm" | "lg";
  dashed?: boolean;
};

export function Badge({ tone, size = "sm", dashed, className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border font-medium",
        tone ? cn(tone, "border-current/40 bg-current/10") : "border-line bg-raised text-ink",
        size === "lg" ? "px-3.5 py-1 text-base sm:text-lg" : "px-2.5 py-0.5 text-xs sm:text-sm",
        dashed && "border-dashed",
        className,
      )}
      {...props}
    />
  );
}
