import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Actor } from "@/lib/auth/actor";
import { navigationFor } from "@/lib/auth/policy";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { GlobalSearch } from "./global-search";
import { NavLinks } from "./nav-links";
import { signOutAction } from "./sign-out";

interface TopBarProps {
  actor: Actor;
}

export function TopBar({ actor }: TopBarProps) {
  return (
    <header className="border-b bg-card">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-2">
        <Link href="/" className="font-semibold tracking-tight">
          Casework
        </Link>
        <nav aria-label="Main" className="flex-1">
          <NavLinks items={navigationFor(actor)} />
        </nav>
        <GlobalSearch />
        <NotificationBell />
        <div className="flex items-center gap-3 text-sm" data-testid="current-user">
          <Link href="/account" className="hover:underline">
            {actor.name}
          </Link>
          <Badge variant="muted" aria-label={`Role: ${actor.role}`}>
            {actor.role}
          </Badge>
          <form action={signOutAction}>
            <Button type="submit" variant="outline" size="sm">
              Sign out
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}
