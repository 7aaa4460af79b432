import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/class-names";

const VARIANTS = {
  primary: "bg-outcome-active text-canvas hover:bg-outcome-active/85 disabled:bg-outcome-active/40",
  secondary: "border border-line bg-raised text-ink hover:border-muted disabled:text-faint",
  ghost: "text-muted hover:bg-raised hover:text-ink disabled:text-faint",
} as const;

const SIZES = {
  sm: "h-8 px-3 text-sm",
  md: "h-10 px-4 text-sm",
  lg: "h-12 px-5 text-base",
} as const;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
};

export function Button({
  variant = "primary",
  size = "md",
  className,
  type = "button",
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        "inline-flex shrink-0 items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
