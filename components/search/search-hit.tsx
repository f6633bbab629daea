import type { SearchItem } from "@/lib/search/views";

export const kindLabels: Record<SearchItem["kind"], string> = {
  identifier: "Identifiers",
  case: "Cases",
  persona: "Personas",
  evidence: "Evidence",
  note: "Notes",
};

/** A snippet with its matching ranges marked. */
export function Snippet({ text, marks }: { text: string; marks: SearchItem["marks"] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [from, to] of marks) {
    if (from < at) continue;
    parts.push(text.slice(at, from));
    parts.push(
      <mark key={from} className="rounded bg-amber-200 px-0.5 text-foreground">
        {text.slice(from, to)}
      </mark>,
    );
    at = to;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Items grouped by kind, in the order the search answered them. */
export function groupByKind(items: SearchItem[]): [SearchItem["kind"], SearchItem[]][] {
  const groups = new Map<SearchItem["kind"], SearchItem[]>();
  for (const item of items) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  return [...groups.entries()];
}
