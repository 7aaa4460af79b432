import type { ComponentProps } from "react";
import { cn } from "@/lib/class-names";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "h-10 w-full rounded-md border border-line bg-canvas px-3 text-sm text-ink placeholder:text-faint",
        "aria-invalid:border-notice-warning disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
