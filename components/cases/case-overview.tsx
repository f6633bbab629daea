"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CaseDetail } from "@/lib/cases/views";
import { useCase } from "@/lib/client/hooks/use-cases";
import { Markdown } from "./markdown";
import { MembersPanel } from "./members-panel";
import { NotesPanel } from "./notes-panel";
import { OverviewEditor } from "./overview-editor";
import { LocalDate, LocalDateTime } from "@/components/ui/local-time";

const subjectRows: [keyof CaseDetail["subject"], string][] = [
  ["name", "Name as claimed"],
  ["role", "Role"],
  ["team", "Team"],
  ["hiringChannel", "Hiring channel"],
  ["hiredOn", "Hired on"],
  ["startDate", "Start date"],
  ["deviceShippedOn", "Device shipped on"],
  ["firstSignInAt", "First sign-in"],
  ["terminatedOn", "Terminated on"],
  ["accessLevel", "Access level"],
  ["location", "Work location"],
];
const dayKeys = new Set<string>(["hiredOn", "startDate", "deviceShippedOn", "terminatedOn"]);

export function CaseOverview({ initial }: { initial: CaseDetail }) {
  const { data: detail = initial } = useCase(initial.id, initial);
  const [editing, setEditing] = useState(false);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="flex flex-col gap-4 lg:col-span-2">
        <Card>
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle>Details</CardTitle>
            {detail.permissions.update && !editing ? (
              <Button size="sm" variant="outline" onClick={() => setEditing(true)}>
                Edit details
              </Button>
            ) : null}
          </CardHeader>
          <CardContent>
            {editing ? (
              <OverviewEditor base={detail} onDone={() => setEditing(false)} />
            ) : (
              <div className="flex flex-col gap-4">
                {detail.summary ? (
                  <Markdown>{detail.summary}</Markdown>
                ) : (
                  <p className="text-sm text-muted-foreground">No summary yet.</p>
                )}
                <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                  {subjectRows.map(([key, label]) => (
                    <div key={key}>
                      <dt className="text-muted-foreground">{label}</dt>
                      <dd>
                        {key === "firstSignInAt" ? (
                          <LocalDateTime iso={detail.subject[key]} />
                        ) : dayKeys.has(key) ? (
                          <LocalDate iso={detail.subject[key]} />
                        ) : (
                          (detail.subject[key] ?? "—")
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            )}
          </CardContent>
        </Card>
        <NotesPanel caseId={detail.id} canAdd={detail.permissions.addNote} />
      </div>
      <MembersPanel detail={detail} />
    </div>
  );
}
