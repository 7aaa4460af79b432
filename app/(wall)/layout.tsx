import type { ReactNode } from "react";
import "./wall.css";

// The root layout leaves its header off these paths on a full page load (lib/chromeless.ts). A
// client-side visit from a board page keeps the root layout mounted, header and all: the
// `data-chromeless` marker lets wall.css hide it then too.
export default function WallLayout({ children }: { children: ReactNode }) {
  return (
    <div data-chromeless className="fixed inset-0 z-50 overflow-hidden bg-black text-ink">
      {children}
    </div>
  );
}
