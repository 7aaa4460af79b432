import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/class-names";

const TONES = {
  warning: "border-notice-warning/50 bg-notice-warning/10 text-notice-warning",
  info: "border-notice-info/40 bg-notice-info/10 text-notice-info",
  neutral: "border-line bg-raised text-muted",
} as const;

const ICONS = { warning: "!", info: "i", neutral: "?" } as const;

type NoticeProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  tone: keyof typeof TONES;
  title: ReactNode;
  /** Large: the whole view is this notice. Otherwise a banner above data that stays. */
  large?: boolean;
  actions?: ReactNode;
};

export function Notice({
  tone,
  title,
  large,
  actions,
  className,
  children,
  ...props
}: NoticeProps) {
  return (
    <div
      role="status"
      className={cn(
        "flex gap-3 rounded-xl border",
        large ? "p-6 sm:p-8" : "p-4",
        TONES[tone],
        className,
      )}
      {...props}
    >
      <span
        aria-hidden
        className={cn(
          "flex shrink-0 items-center justify-center rounded-full border border-current font-bold",
          large ? "size-9 text-lg" : "size-6 text-sm",
        )}
      >
        {ICONS[tone]}
      </span>
      <div className="min-w-0 flex-1">
        <p className={cn("font-semibold", large ? "text-xl sm:text-2xl" : "text-base")}>{title}</p>
        {children && <div className="mt-1 text-sm text-ink/80 sm:text-base">{children}</div>}
        {actions && <div className="mt-3 flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
