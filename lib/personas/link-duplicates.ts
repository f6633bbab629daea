import { and, eq, or } from "drizzle-orm";
import { personaLinks } from "@/db/schema";
import { AppError } from "@/lib/errors";

export const pair = (a: string, b: string) =>
  or(
    and(eq(personaLinks.fromPersonaId, a), eq(personaLinks.toPersonaId, b)),
    and(eq(personaLinks.fromPersonaId, b), eq(personaLinks.toPersonaId, a)),
  );

export const duplicate = (message: string, existingLinkId: string) =>
  new AppError("bad_request", message, [{ path: "toPersonaId", message, existingLinkId }]);
