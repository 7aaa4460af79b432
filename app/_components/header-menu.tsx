"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { ReactNode } from "react";
import { cn } from "@/lib/class-names";

/**
 * The header's links and account: in a row from the small breakpoint up, behind a "Menu" button
 * below it, so a phone never has to scroll sideways to reach "Sign out". Closes on navigation.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const id = useId();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  // A client-side navigation leaves the header mounted: close the menu when the page changes.
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="flex min-w-0 items-center">
      <button
        type="button"
        className="inline-flex h-9 items-center gap-2 rounded-md border border-line bg-raised px-3 text-sm font-medium sm:hidden"
        aria-expanded={open}
        aria-controls={id}
        data-testid="header-menu-button"
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
      >
        <span aria-hidden className="text-base leading-none">
          {open ? "×" : "☰"}
        </span>
        Menu
      </button>
      <div
        id={id}
        data-testid="header-menu"
        className={cn(
          "min-w-0 items-center gap-3 sm:static sm:flex sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none",
          open
            ? "absolute inset-x-0 top-14 z-40 flex flex-col items-stretch gap-2 border-b border-line bg-panel p-4 shadow-lg sm:flex-row sm:items-center"
            : "hidden",
        )}
      >
        {children}
      </div>
    </div>
  );
}
