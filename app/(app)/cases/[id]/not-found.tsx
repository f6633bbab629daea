"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { RequestAccessForm } from "@/components/cases/request-access-form";

// Every case 404 (a case that does not exist, or one the visitor may not see) is this same page,
// so it tells nothing about which ids are real; each offers to ask the lead for access.
export default function CaseNotFound() {
  const { id } = useParams<{ id: string }>();
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4 p-10 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted-foreground">This page does not exist, or you do not have access to it.</p>
      <RequestAccessForm caseId={id} />
      <Link href="/" className="inline-block text-primary underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
