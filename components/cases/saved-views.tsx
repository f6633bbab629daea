"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { explainError } from "@/lib/client/api";
import { useDeleteView, useSavedViews, useSaveView } from "@/lib/client/hooks/use-saved-views";
import { useUrlState } from "@/lib/client/use-url-state";
import type { SavedViewList } from "@/lib/saved-views/schema";

interface SavedViewsProps {
  initial: SavedViewList;
}

/** The current filter without its page: what a view saves and how it is recognised as open. */
function filterOf(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  return params.toString().replace(/%2C/gi, ",");
}

/** Named case-list filters beside the list: yours, then those others share; save the one on screen. */
export function SavedViews({ initial }: SavedViewsProps) {
  const { search } = useUrlState();
  const views = useSavedViews(initial);
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const current = filterOf(search);
  const items = views.data?.items ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>Saved views</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No saved views yet. Filter the list, then save the filter here under a name.
          </p>
        ) : (
          <ul aria-label="Saved views" className="flex flex-col gap-2">
            {items.map((v) => (
              <li key={v.id} data-testid="saved-view" className="flex items-start justify-between gap-2 text-sm">
                <div className="min-w-0">
                  <Link
                    href={v.query ? `/cases?${v.query}` : "/cases"}
                    aria-current={v.query === current ? "page" : undefined}
                    className="font-medium text-primary hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-foreground"
                  >
                    {v.name}
                  </Link>
                  <div className="text-xs text-muted-foreground">
                    {v.mine ? v.shared ? <Badge>Shared</Badge> : "Only you" : `Shared by ${v.owner.name}`}
                  </div>
                </div>
                {v.mine ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Delete view ${v.name}`}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(v.id)}
                  >
                    Delete
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <form
          aria-label="Save this view"
          className="flex flex-col gap-2 border-t pt-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { name: name.trim(), query: current, shared },
              { onSuccess: () => (setName(""), setShared(false)) },
            );
          }}
        >
          <Label htmlFor="saved-view-name">Save the filter on screen as</Label>
          <Input
            id="saved-view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. My open high-severity cases"
            maxLength={80}
          />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} className="mt-1" />
            <span>
              Share with the team
              <span className="block text-xs text-muted-foreground">
                Everyone sees its name and filters; each sees only the cases they may.
              </span>
            </span>
          </label>
          <Button type="submit" disabled={!name.trim() || save.isPending}>
            {save.isPending ? "Saving…" : "Save view"}
          </Button>
        </form>
        {save.error || remove.error ? <Alert tone="error">{explainError((save.error ?? remove.error)!)}</Alert> : null}
      </CardContent>
    </Card>
  );
}
