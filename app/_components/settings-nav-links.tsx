import Link from "next/link";
import type { SessionUser } from "@/lib/server/session";
import { can } from "@/lib/server/security/permissions";
import type { Action } from "@/lib/server/security/permissions";

const LINKS: { href: string; label: string; action: Action }[] = [
  { href: "/settings/connections", label: "Connections", action: "connections:manage" },
  { href: "/settings/users", label: "People", action: "users:manage" },
  { href: "/settings/share-links", label: "Share links", action: "share-links:manage" },
  { href: "/settings/tokens", label: "API tokens", action: "tokens:manage" },
  { href: "/settings/alerts", label: "Alerts", action: "alerts:manage" },
  { href: "/settings/activity", label: "Activity", action: "audit:read" },
];

/** Server component: the settings links, rendered only for the roles that may use them. */
export function SettingsNavLinks({ user }: { user: SessionUser | null }) {
  const links = user ? LINKS.filter((link) => can(user, link.action)) : [];
  if (links.length === 0) return null;
  return (
    <nav aria-label="Settings" className="flex flex-col gap-1 sm:flex-row sm:items-center">
      {links.map((link) => (
        <Link key={link.href} href={link.href} className="rounded-md px-2.5 py-1.5 text-sm text-muted hover:bg-raised hover:text-ink">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
