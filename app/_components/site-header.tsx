import Link from "next/link";
import type { SessionUser } from "@/lib/server/session";
import { HeaderMenu } from "./header-menu";
import { SettingsNavLinks } from "./settings-nav-links";
import { SignOutButton } from "./sign-out-button";

const LINK = "rounded-md px-2.5 py-1.5 text-sm text-muted hover:bg-raised hover:text-ink";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="relative border-b border-line bg-panel/60">
      <div className="mx-auto flex h-14 w-full max-w-[120rem] items-center justify-between gap-4 px-4 sm:px-6 lg:px-10">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="size-3 rounded-sm bg-outcome-active" />
          Sendboard
        </Link>
        {user && (
          <HeaderMenu>
            <nav aria-label="Main" className="flex flex-col gap-1 sm:flex-row sm:items-center">
              <Link href="/" className={LINK}>
                Watched
              </Link>
              <Link href="/boards" className={LINK}>
                Boards
              </Link>
            </nav>
            <SettingsNavLinks user={user} />
            <span
              className="truncate px-2.5 text-sm text-muted sm:hidden md:inline md:px-0"
              title={user.email}
            >
              {user.email}
            </span>
            <SignOutButton />
          </HeaderMenu>
        )}
      </div>
    </header>
  );
}
