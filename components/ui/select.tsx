import type { ComponentProps } from "react";
import { cn } from "@/lib/class-names";

export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-10 w-full rounded-md border border-line bg-canvas px-3 text-sm text-ink disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
