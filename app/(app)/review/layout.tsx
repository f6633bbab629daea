import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";

// The role check runs here, outside the loading boundary, so a refused visitor gets the 404 status
// as well as the not-found page: once the loading state has streamed, it is too late.
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!can(actor, "persona:write")) notFound();
  return children;
}
