import { sanctionsSourceLabels } from "@/lib/sanctions/constants";
import type { PackData } from "./data";
import { caseworkId } from "./stix-ids";
import type { StixObject } from "./stix-observables";

/**
 * Sanctions hits as STIX: the listed entry as an identity (individual or organisation, with the
 * list and entry number as its external reference) and a sighting of it by the exporting system,
 * whose description names the persona, what matched, the score, the list version and the
 * decision. A sighting, not an indicator: the list says who someone is, not a pattern to detect.
 */
export function sanctionsSightings(
  data: PackData,
  common: Record<string, unknown>,
  producerId: string,
  personaIds: ReadonlyMap<string, string>,
): StixObject[] {
  const objects: StixObject[] = [];
  const listed = new Set<string>();
  const names = new Map(data.personas.map((p) => [p.id, p.displayName]));
  const now = String(common.modified);
  for (const h of data.screening.hits) {
    const source = sanctionsSourceLabels[h.listVersion.source];
    const entryId = caseworkId("identity", `sanctions:${h.listVersion.source}:${h.entry.entNum}`);
    if (!listed.has(entryId)) {
      listed.add(entryId);
      objects.push({
        type: "identity",
        id: entryId,
        ...common,
        created: now,
        name: h.entry.name,
        description: `Listed on ${source}${h.entry.program ? ` (${h.entry.program})` : ""}, entry ${h.entry.entNum}.`,
        identity_class: h.entry.type.toLowerCase() === "individual" ? "individual" : "organization",
        external_references: [{ source_name: source, external_id: h.entry.entNum }],
      });
    }
    const decision = h.dismissal
      ? `Dismissed as a false positive by ${h.dismissal.by ?? "a former user"} on ${h.dismissal.at}: ${h.dismissal.reason}`
      : "Open.";
    objects.push({
      type: "sighting",
      id: caseworkId("sighting", `sanctions:${h.personaId}:${h.listVersion.id}:${h.entry.entNum}`),
      ...common,
      created: now,
      sighting_of_ref: entryId,
      where_sighted_refs: [producerId],
      count: 1,
      confidence: h.score,
      description: `Persona ${names.get(h.personaId) ?? h.personaId}${personaIds.has(h.personaId) ? ` (${personaIds.get(h.personaId)})` : ""} matched on ${h.matched.map((m) => `${m.kind} ${m.value}`).join(", ")}; score ${h.score}; list version of ${h.listVersion.publishedAt ?? "unknown date"}, SHA-256 ${h.listVersion.sha256}. ${decision}`,
    });
  }
  return objects;
}
