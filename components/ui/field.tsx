import type { ReactNode } from "react";

/** A form control under its label; `hint` shows on hover over the label. */
export function Field({
  id,
  label,
  hint,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm text-muted" title={hint}>
        {label}
      </label>
      {children}
    </div>
  );
}
