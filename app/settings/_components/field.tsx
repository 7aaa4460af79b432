import type { ReactNode } from "react";

export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm text-muted" title={hint}>
        {label}
      </label>
      {children}
    </div>
  );
}
