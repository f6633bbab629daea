"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useInbox } from "@/lib/client/hooks/use-notifications";

/** The bell in the top bar: the unread count, polled, leading to the notifications page. */
export function NotificationBell() {
  const { data } = useInbox();
  const unread = data?.unread ?? 0;
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-8 w-8 items-center justify-center rounded-md hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <Bell aria-hidden className="h-4 w-4" />
      {unread > 0 ? (
        <span
          aria-hidden
          data-testid="notification-count"
          className="absolute -right-1 -top-1 min-w-4 rounded-full bg-destructive px-1 text-center text-[10px] font-semibold leading-4 text-destructive-foreground"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
