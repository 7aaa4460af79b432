import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/class-names";

type CardProps = Omit<HTMLAttributes<HTMLElement>, "title"> & {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
};

export function Card({ title, description, actions, className, children, ...props }: CardProps) {
  return (
    <section
      className={cn("rounded-xl border border-line bg-panel p-4 sm:p-5", className)}
      {...props}
    >
      {(title || actions) && (
        <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            {title && (
              <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">{title}</h2>
            )}
            {description && <p className="mt-1 text-sm text-faint">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}
