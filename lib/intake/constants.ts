// Shared by server and browser: import nothing from drizzle or db/ here.

/**
 * pending: waiting for (or in) extraction; done: all the text; partial: a limit stopped it (the
 * reason says which) and what was read is kept; unsupported: a format without text here (or no
 * OCR engine on this server); failed: the file could not be read (the reason says why).
 */
export const textStatuses = ["pending", "done", "partial", "unsupported", "failed"] as const;
export type TextStatus = (typeof textStatuses)[number];
