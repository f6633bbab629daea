"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import type { NoteView } from "@/lib/cases/views";
import { useCaseNotes, useCreateNote, useUpdateNote } from "@/lib/client/hooks/use-cases";
import { Markdown } from "./markdown";
import { LocalDateTime } from "@/components/ui/local-time";

const textareaClass =
  "w-full rounded-md border bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

function NoteItem({ caseId, note }: { caseId: string; note: NoteView }) {
  const update = useUpdateNote(caseId);
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  return (
    <li id={`note-${note.id}`} className="scroll-mt-4 rounded-md border p-3" data-testid="note">
      <div className="mb-1 flex items-center justify-between text-xs text-muted-foreground">
        <span>
          {note.author?.name ?? "Former user"} · <LocalDateTime iso={note.createdAt} />
          {note.edited ? " · edited" : ""}
        </span>
        {note.canEdit && !editing ? (
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Edit
          </Button>
        ) : null}
      </div>
      {editing ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ noteId: note.id, body }, { onSuccess: () => setEditing(false) });
          }}
        >
          <Label htmlFor={`note-edit-${note.id}`} className="sr-only">
            Edit note
          </Label>
          <textarea
            id={`note-edit-${note.id}`}
            rows={4}
            className={textareaClass}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="flex gap-2">
            <Button size="sm" type="submit" disabled={update.isPending}>
              Save note
            </Button>
            <Button size="sm" type="button" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
          {update.error ? <Alert tone="error">{update.error.message}</Alert> : null}
        </form>
      ) : (
        <Markdown>{note.body}</Markdown>
      )}
    </li>
  );
}

export function NotesPanel({ caseId, canAdd }: { caseId: string; canAdd: boolean }) {
  const [page, setPage] = useState(1);
  const notes = useCaseNotes(caseId, page);
  const create = useCreateNote(caseId);
  const [body, setBody] = useState("");
  const data = notes.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Notes</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {canAdd ? (
          <form
            aria-label="Add a note"
            className="flex flex-col gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate(body, {
                onSuccess: () => {
                  setBody("");
                  setPage(1);
                },
              });
            }}
          >
            <Label htmlFor="new-note">New note (Markdown)</Label>
            <textarea
              id="new-note"
              rows={3}
              className={textareaClass}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
            <div>
              <Button size="sm" type="submit" disabled={create.isPending || body.trim() === ""}>
                Add note
              </Button>
            </div>
            {create.error ? <Alert tone="error">{create.error.message}</Alert> : null}
          </form>
        ) : null}
        {notes.isPending ? <p className="text-sm text-muted-foreground">Loading notes…</p> : null}
        {data && data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No notes yet. Record what you observe as you go.</p>
        ) : null}
        <ul className="flex flex-col gap-2">
          {data?.items.map((n) => (
            <NoteItem key={`${n.id}-${n.updatedAt}`} caseId={caseId} note={n} />
          ))}
        </ul>
        {pages > 1 ? (
          <nav aria-label="Note pages" className="flex items-center gap-2 text-sm">
            <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Newer
            </Button>
            <span>
              Page {page} of {pages}
            </span>
            <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Older
            </Button>
          </nav>
        ) : null}
      </CardContent>
    </Card>
  );
}
