import type { CSSProperties, ReactNode } from "react";
import { WALL_MIN_TEXT_VMIN } from "@/config/wall";
import "./wall.css";

/** Every text on a wall is at least --wall-min: readable from across the room (config/wall.ts). */
const WALL_STYLE = { ["--wall-min" as string]: `${WALL_MIN_TEXT_VMIN}vmin` } as CSSProperties;

// The root layout leaves its header off these paths on a full page load (lib/chromeless.ts). A
// client-side visit from a board page keeps the root layout mounted, header and all: the
// `data-chromeless` marker lets wall.css hide it then too.
export default function WallLayout({ children }: { children: ReactNode }) {
  return (
    <div
      data-chromeless
      className="fixed inset-0 z-50 overflow-hidden bg-black text-[length:var(--wall-min)] leading-[1.2] text-ink"
      style={WALL_STYLE}
    >
      {children}
    </div>
  );
}
