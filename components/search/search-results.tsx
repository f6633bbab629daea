"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useSearch } from "@/lib/client/hooks/use-search";
import { identifierTypeLabels } from "@/components/personas/labels";
import type { IdentifierType } from "@/lib/personas/constants";
import { groupByKind, kindLabels, Snippet } from "./search-hit";

/** Every result of a search, grouped by kind, with a box to search again. */
export function SearchResults({ q }: { q: string }) {
  const router = useRouter();
  const [text, setText] = useState(q);
  const { data, error, isFetching } = useSearch(q, 20);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) router.push(`/search?q=${encodeURIComponent(text.trim())}`);
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} role="search" className="flex max-w-xl gap-2">
        <Input aria-label="Search for" value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit">Search</Button>
      </form>
      {q.trim().length < 2 ? (
        <p className="text-sm text-muted-foreground">
          Type at least two characters: words, a case reference, a name, or paste a wallet, e-mail, phone (in any
          notation), IBAN or profile address.
        </p>
      ) : null}
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {isFetching && !data ? <p className="text-sm text-muted-foreground">Searching…</p> : null}
      {data && data.identifier.length > 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="read-as">
          Read as{" "}
          {data.identifier
            .map((i) => `${identifierTypeLabels[i.type as IdentifierType] ?? i.type} ${i.normalizedValue}`)
            .join(", ")}
        </p>
      ) : null}
      {data && q.trim().length >= 2 && data.items.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
          Nothing found that you may see. Records in cases you cannot access are never shown; an identifier held there
          is counted, with the lead to ask.
        </p>
      ) : null}
      {data
        ? groupByKind(data.items).map(([kind, items]) => (
            <Card key={kind}>
              <CardHeader>
                <CardTitle>{kindLabels[kind]}</CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="divide-y" aria-label={kindLabels[kind]}>
                  {items.map((item) => (
                    <li key={`${item.kind}:${item.id}`} className="py-2" data-testid="search-result">
                      <Link href={item.url} className="font-medium text-primary hover:underline">
                        {item.title}
                      </Link>
                      {item.snippet ? (
                        <p className="text-sm text-muted-foreground">
                          <Snippet text={item.snippet} marks={item.marks} />
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          ))
        : null}
      {data?.more ? (
        <p className="text-sm text-muted-foreground">
          There are more matches than shown: add words to narrow the search.
        </p>
      ) : null}
    </div>
  );
}
