"use client";

import { useSyncExternalStore } from "react";
import { type DateFormatOptions, formatDate, formatDateTime } from "@/lib/format";

const subscribe = () => () => {};

/**
 * The server renders a fixed form (UTC, British English) and the browser then shows the reader's
 * own locale and time zone: formatting during hydration with the browser's settings would not
 * match the server's HTML, and React would throw the page away and render it again.
 */
function useBrowserSettings(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const serverSettings = { locale: "en-GB", timeZone: "UTC" };

/** The settings to format with where a date goes into a string (a chart's table, a title): as the components do. */
export function useDateSettings(): DateFormatOptions {
  return useBrowserSettings() ? {} : serverSettings;
}

/** A moment, in the reader's locale and time zone with the zone named. */
export function LocalDateTime({ iso }: { iso: string | null | undefined }) {
  const browser = useBrowserSettings();
  if (!iso) return <>—</>;
  return <time dateTime={iso}>{formatDateTime(iso, browser ? {} : serverSettings)}</time>;
}

/** A day, in the reader's locale (a date without a time stays that calendar day). */
export function LocalDate({ iso }: { iso: string | null | undefined }) {
  const browser = useBrowserSettings();
  if (!iso) return <>—</>;
  return <time dateTime={iso}>{formatDate(iso, browser ? {} : serverSettings)}</time>;
}
