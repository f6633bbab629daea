/** What happened, for whoever should hear of it: ids and the pack's hash, never its content. */
export interface ShareDownloadedEvent {
  shareId: string;
  exportId: string;
  caseId: string;
  referralId: string | null;
  /** Who made the link: the person to tell. */
  createdById: string | null;
  recipient: string;
  address: string;
  sha256: string;
  download: number;
  at: Date;
}

/**
 * Called once per download, after it is recorded (committed) and before the bytes go out. The
 * notifications area hooks its event (the link's maker told, a webhook fired) in here; until then
 * it does nothing. It must never throw into the download: a failure to notify is logged there.
 */
export async function notifyShareDownloaded(event: ShareDownloadedEvent): Promise<void> {
  void event;
}
