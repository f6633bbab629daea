// Shared by server and browser: import nothing from drizzle or db/ here.

/** What a person (or a webhook) can be told about; webhook event names are the same. */
export const notificationEvents = [
  "case.assigned",
  "case.member_added",
  "task.assigned",
  "task.due_tomorrow",
  "task.overdue",
  "referral.deadline_soon",
  "referral.deadline_missed",
  "persona.correlation",
  "persona.hit",
  "export.ready",
  "note.mention",
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export const notificationEventLabels: Record<NotificationEvent, string> = {
  "case.assigned": "A case is assigned to me",
  "case.member_added": "I am added to a case",
  "task.assigned": "A task is assigned to me",
  "task.due_tomorrow": "My task is due tomorrow",
  "task.overdue": "My task is overdue",
  "referral.deadline_soon": "A referral deadline is near (3 and 1 business days)",
  "referral.deadline_missed": "A referral deadline was missed",
  "persona.correlation": "A persona in my cases shares an identifier with a confirmed one",
  "persona.hit": "A persona in my cases is on a sanctions list",
  "export.ready": "My evidence pack is ready",
  "note.mention": "Someone mentions me in a note",
};

/** E-mail: each notification at once, one digest a day, or none. */
export const emailModes = ["immediate", "daily", "off"] as const;
export type EmailMode = (typeof emailModes)[number];

export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
