import type { ReactNode } from "react";

export function SettingsHeading({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold sm:text-3xl">{title}</h1>
      <p className="mt-1 max-w-3xl text-muted">{children}</p>
    </div>
  );
}
