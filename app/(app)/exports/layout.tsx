import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/current";

// The role check runs here, outside the page's loading boundary, so a refused visitor gets the
// 404 status as well as the not-found page: once the loading state has streamed, it is too late.
export default async function ExportsLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  // Managers oversee cases but never export evidence.
  if (actor.role === "manager") notFound();
  return children;
}
