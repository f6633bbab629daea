import type { Metadata } from "next";
import { NotificationsList } from "@/components/notifications/notifications-list";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor();
  const inbox = await listNotifications({ actor });
  return (
    <>
      <PageHeader title="Notifications" description="What happened in your cases, newest first (the latest 50)." />
      <NotificationsList initial={inbox} />
    </>
  );
}
