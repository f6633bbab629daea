import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PersonaDetailView } from "@/components/personas/persona-detail";
import { requireActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { getPersona } from "@/lib/personas/get-persona";
import { personaIdParamsSchema } from "@/lib/personas/schema";

export const metadata: Metadata = { title: "Persona" };

// No loading.tsx here or above: the visibility check must finish before the response starts, so a
// record the reader may not see answers 404 (a streamed response has already sent 200).
export default async function PersonaPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const parsed = personaIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  // A persona the reader may not see is answered exactly like one that does not exist.
  const detail = await getPersona({ actor, personaId: parsed.data.id }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  return <PersonaDetailView initial={detail} />;
}
