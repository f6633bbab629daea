"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * Filters, sort and page live in the URL so a view can be shared and reloaded. Writing through
 * the History API updates useSearchParams without a server round trip.
 */
export function useUrlState() {
  const searchParams = useSearchParams();
  const set = useCallback(
    (changes: Record<string, string | null | undefined>, options: { resetPage?: boolean } = { resetPage: true }) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      if (options.resetPage && !("page" in changes)) next.delete("page");
      const qs = next.toString();
      window.history.pushState(null, "", qs ? `?${qs}` : window.location.pathname);
    },
    [searchParams],
  );
  return { searchParams, search: searchParams.toString(), set };
}
