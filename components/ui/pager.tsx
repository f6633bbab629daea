import { Button } from "./button";

interface PagerProps {
  /**
   * The list's page as the server answered it; undefined while loading. With `totalCapped` the
   * total is a floor: the page count reads "n+" and Next stays open while pages come back full.
   */
  data:
    { page: number; pageSize: number; total: number; totalCapped?: boolean; items?: readonly unknown[] } | undefined;
  onPage: (page: number) => void;
  /** Hides the pager when everything fits on one page. */
  hideSinglePage?: boolean;
  label?: string;
}

export function pageCountOf(data: PagerProps["data"]): number {
  return data ? Math.max(1, Math.ceil(data.total / data.pageSize), data.totalCapped ? data.page : 1) : 1;
}

/** Whether a page follows this one. */
export function hasNextPage(data: PagerProps["data"]): boolean {
  if (!data) return false;
  if (data.totalCapped) return data.items === undefined || data.items.length >= data.pageSize;
  return data.page < pageCountOf(data);
}

/** Previous / "Page n of m" / Next under a paged list. */
export function Pager({ data, onPage, hideSinglePage = false, label = "Pages" }: PagerProps) {
  const pageCount = pageCountOf(data);
  if (hideSinglePage && pageCount <= 1 && !data?.totalCapped) return null;
  const page = data?.page ?? 1;
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2 text-sm">
      <Button variant="outline" size="sm" disabled={!data || page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span>
        Page {page} of {pageCount}
        {data?.totalCapped ? "+" : ""}
      </span>
      <Button variant="outline" size="sm" disabled={!hasNextPage(data)} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
