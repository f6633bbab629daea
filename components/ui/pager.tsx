import { Button } from "./button";

interface PagerProps {
  /** The list's page as the server answered it; undefined while loading. */
  data: { page: number; pageSize: number; total: number } | undefined;
  onPage: (page: number) => void;
  /** Hides the pager when everything fits on one page. */
  hideSinglePage?: boolean;
  label?: string;
}

export function pageCountOf(data: PagerProps["data"]): number {
  return data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
}

/** Previous / "Page n of m" / Next under a paged list. */
export function Pager({ data, onPage, hideSinglePage = false, label = "Pages" }: PagerProps) {
  const pageCount = pageCountOf(data);
  if (hideSinglePage && pageCount <= 1) return null;
  const page = data?.page ?? 1;
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2 text-sm">
      <Button variant="outline" size="sm" disabled={!data || page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span>
        Page {page} of {pageCount}
      </span>
      <Button variant="outline" size="sm" disabled={!data || page >= pageCount} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
