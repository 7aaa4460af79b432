import Link from "next/link";
import type { SessionUser } from "@/lib/server/session";
import { SettingsNavLinks } from "./settings-nav-links";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-line bg-panel/60">
      <div className="mx-auto flex h-14 w-full max-w-[120rem] items-center justify-between gap-4 px-4 sm:px-6 lg:px-10">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="size-3 rounded-sm bg-outcome-active" />
          Sendboard
        </Link>
        {user && (
          <div className="flex min-w-0 items-center gap-3">
            <nav aria-label="Main" className="flex items-center gap-1">
              <Link href="/" className="rounded-md px-2.5 py-1.5 text-sm text-muted hover:bg-raised hover:text-ink">
                Watched
              </Link>
              <Link href="/boards" className="rounded-md px-2.5 py-1.5 text-sm text-muted hover:bg-raised hover:text-ink">
                Boards
              </Link>
            </nav>
            <SettingsNavLinks user={user} />
            <span className="hidden truncate text-sm text-muted sm:inline" title={user.email}>
              {user.email}
            </span>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
