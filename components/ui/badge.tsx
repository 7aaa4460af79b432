import type { HTMLAttributes } from "react";
import { cn } from "@/lib/class-names";

type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  /** A text colour class (e.g. `text-state-running`) the border and tint derive from; none = neutral. */
  tone?: string;
  /** `inherit`: the text size of the parent (wall cards size their type by the card). */
  size?: "sm" | "lg" | "inherit";
  dashed?: boolean;
};

const SIZES = {
  sm: "px-2.5 py-0.5 text-xs sm:text-sm",
  lg: "px-3.5 py-1 text-base sm:text-lg",
  inherit: "px-[0.55em] py-[0.1em]",
} as const;

export function Badge({ tone, size = "sm", dashed, className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center whitespace-nowrap rounded-full border font-medium",
        size === "inherit" ? "gap-[0.35em]" : "gap-1.5",
        tone ? cn(tone, "border-current/40 bg-current/10") : "border-line bg-raised text-ink",
        SIZES[size],
        dashed && "border-dashed",
        className,
      )}
      {...props}
    />
  );
}
