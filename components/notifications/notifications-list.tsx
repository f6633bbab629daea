"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalDateTime } from "@/components/ui/local-time";
import { useInbox, useMarkRead } from "@/lib/client/hooks/use-notifications";
import type { Inbox } from "@/lib/notifications/schema";
import { cn } from "@/lib/utils";

interface NotificationsListProps {
  initial: Inbox;
}

/** The inbox: each notification a link (following it marks it read) with its own Mark read button. */
export function NotificationsList({ initial }: NotificationsListProps) {
  const { data = initial } = useInbox(initial);
  const mark = useMarkRead();
  if (data.items.length === 0)
    return (
      <p
        className="rounded-md border border-dashed p-6 text-sm text-muted-foreground"
        data-testid="notifications-empty"
      >
        Nothing yet. You will be told here when a case or task is assigned to you, someone mentions you in a note (@ and
        the first part of your e-mail address), a deadline approaches or a persona in your cases is flagged. Choose what
        you are told, and by e-mail, on your{" "}
        <Link href="/account" className="underline">
          Account
        </Link>{" "}
        page.
      </p>
    );
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm" aria-live="polite">
          {data.unread === 0 ? "All read" : `${data.unread} unread`}
        </p>
        <Button
          variant="outline"
          size="sm"
          disabled={data.unread === 0 || mark.isPending}
          onClick={() => mark.mutate("all")}
        >
          Mark all read
        </Button>
      </div>
      {mark.error ? <Alert tone="error">{mark.error.message}</Alert> : null}
      <ul className="flex flex-col divide-y rounded-md border" aria-label="Notifications">
        {data.items.map((n) => (
          <li key={n.id} className={cn("flex items-start gap-3 px-3 py-2", n.readAt === null && "bg-muted/40")}>
            <div className="flex min-w-0 flex-1 flex-col">
              <Link
                href={n.url}
                className={cn("hover:underline", n.readAt === null && "font-semibold")}
                onClick={() => n.readAt === null && mark.mutate(n.id)}
              >
                {n.readAt === null ? <span className="sr-only">Unread: </span> : null}
                {n.title}
              </Link>
              <span className="text-xs text-muted-foreground">
                <LocalDateTime iso={n.createdAt} />
              </span>
            </div>
            {n.readAt === null ? (
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Mark read: ${n.title}`}
                disabled={mark.isPending}
                onClick={() => mark.mutate(n.id)}
              >
                Mark read
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
