"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { groupByKind, kindLabels, Snippet } from "@/components/search/search-hit";
import { useSearch } from "@/lib/client/hooks/use-search";

/**
 * The search box in the top bar: "/" focuses it; typing shows the first matches of each kind,
 * arrow keys move through them, Enter opens one (or every result on the search page), Escape closes.
 */
export function GlobalSearch() {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { data, isFetching, error } = useSearch(q, 5);
  const groups = groupByKind(q.trim().length >= 2 ? (data?.items ?? []) : []);
  // In the order shown, so the arrow keys walk down the list as it reads.
  const items = groups.flatMap(([, group]) => group);

  // Typing settles for a moment before the server is asked.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text), 200);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
      if (event.key === "/" && !typing) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function go(url: string) {
    setOpen(false);
    setActive(-1);
    router.push(url);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(items.length - 1, a + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const chosen = items[active];
      if (chosen) go(chosen.url);
      else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
    }
  }

  const listId = `${id}-results`;
  const showList = open && text.trim().length >= 2;
  const position = new Map(items.map((item, i) => [`${item.kind}:${item.id}`, i]));
  return (
    <div className="relative w-full max-w-xs">
      <Search aria-hidden className="pointer-events-none absolute left-2 top-2.5 size-4 text-muted-foreground" />
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search"
        aria-expanded={showList && items.length > 0}
        aria-controls={showList && items.length > 0 ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${id}-item-${active}` : undefined}
        placeholder="Search, or paste an identifier ( / )"
        className="h-9 w-full rounded-md border bg-background pl-8 pr-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList ? (
        <div className="absolute right-0 z-50 mt-1 max-h-[70vh] w-[28rem] max-w-[90vw] overflow-auto rounded-md border bg-popover p-1 text-sm shadow-lg">
          {error ? (
            <p role="alert" className="p-2 text-destructive">
              {error.message}
            </p>
          ) : null}
          {!error && items.length === 0 ? (
            <p className="p-2 text-muted-foreground" role="status">
              {isFetching || q !== text ? "Searching…" : "Nothing found that you may see."}
            </p>
          ) : null}
          {items.length > 0 ? (
            <div id={listId} role="listbox" aria-label="Search results">
              {groups.map(([kind, group]) => (
                <div key={kind} role="group" aria-label={kindLabels[kind]}>
                  {/* The group's name for the eye; screen readers hear it from aria-label. */}
                  <div
                    aria-hidden="true"
                    className="px-2 pb-1 pt-2 text-xs font-medium uppercase text-muted-foreground"
                  >
                    {kindLabels[kind]}
                  </div>
                  {group.map((item) => {
                    const mine = position.get(`${item.kind}:${item.id}`) ?? -1;
                    return (
                      <div
                        key={`${item.kind}:${item.id}`}
                        id={`${id}-item-${mine}`}
                        role="option"
                        aria-selected={mine === active}
                        className={`cursor-pointer rounded px-2 py-1.5 ${mine === active ? "bg-muted" : "hover:bg-muted"}`}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => go(item.url)}
                      >
                        <div className="truncate font-medium">{item.title}</div>
                        {item.snippet ? (
                          <div className="line-clamp-2 text-xs text-muted-foreground">
                            <Snippet text={item.snippet} marks={item.marks} />
                          </div>
                        ) : null}
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
          ) : null}
          {items.length > 0 ? (
            <button
              type="button"
              className="mt-1 w-full rounded px-2 py-1.5 text-left text-primary hover:bg-muted"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(`/search?q=${encodeURIComponent(text.trim())}`)}
            >
              All results for “{text.trim()}”
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
