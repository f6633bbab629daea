import type { PersonaLinkRelation } from "@/db/schema";
import type { PackData, PackPersona } from "./data";
import { sanctionsSightings } from "./stix-sightings";
import { caseworkId, uuidV5, CASEWORK_NAMESPACE } from "./stix-ids";
import { identifierObservables, type StixObject } from "./stix-observables";

// Custom relationship types are allowed (lower-case words and hyphens); the common ones are used where they fit.
const relationshipTypes: Record<PersonaLinkRelation, string> = {
  same_person: "duplicate-of",
  operated_by: "operated-by",
  facilitator_of: "facilitator-of",
  referred_by: "referred-by",
  associated: "related-to",
};

/** STIX wants millisecond precision; ISO strings from Date already have it. */
const ts = (iso: string) => new Date(iso).toISOString();

function personaObject(p: PackPersona, common: Record<string, unknown>): StixObject {
  const description = [
    `Persona in the case as ${p.caseRole}; status ${p.status.replace(/_/g, " ")}; risk score ${p.riskScore}.`,
    p.claimedLocation ? `Claimed location: ${p.claimedLocation}.` : "",
    p.claimedNationality ? `Claimed nationality: ${p.claimedNationality}.` : "",
    p.redFlags.length ? `Red flags: ${p.redFlags.map((f) => f.code).join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const base = {
    ...common,
    created: ts(p.createdAt),
    name: p.displayName,
    description,
    labels: [p.status, p.caseRole],
  };
  // Only a persona confirmed as an operator is called a threat actor; a suspected one, or the
  // real person whose identity was stolen, is an identity.
  if (p.status === "confirmed") {
    return {
      type: "threat-actor",
      id: caseworkId("threat-actor", `persona:${p.id}`),
      ...base,
      threat_actor_types: ["unknown"],
      ...(p.aliases.length ? { aliases: p.aliases } : {}),
    };
  }
  return {
    type: "identity",
    id: caseworkId("identity", `persona:${p.id}`),
    ...base,
    identity_class: "individual",
    roles: [p.status === "stolen_identity_victim" ? "victim" : p.caseRole],
  };
}

/**
 * The case as a STIX 2.1 bundle for threat-intelligence platforms: one `report` (the bundle
 * schema refuses grouping, note, location and incident) referencing an identity or threat-actor
 * per persona, an observable per identifier and a relationship per holding and per link. Ids
 * are UUIDv5, so the same persona or identifier keeps its id across exports and platforms merge
 * rather than duplicate; observables use STIX's own deterministic-id rule.
 */
export function buildStixBundle(
  data: PackData,
  { exportId, exportedAt, producerName }: { exportId: string; exportedAt: Date; producerName: string },
): Buffer {
  const now = exportedAt.toISOString();
  const producer: StixObject = {
    type: "identity",
    spec_version: "2.1",
    id: caseworkId("identity", `producer:${producerName}`),
    created: now,
    modified: now,
    name: producerName,
    identity_class: "system",
  };
  const common = { spec_version: "2.1", modified: now, created_by_ref: producer.id };
  const personaIds = new Map<string, string>();
  const objects: StixObject[] = [producer];
  for (const p of data.personas) {
    const obj = personaObject(p, common);
    personaIds.set(p.id, obj.id);
    objects.push(obj);
  }
  const observableIds = new Map<string, string>();
  const seen = new Set<string>();
  for (const i of data.identifiers) {
    const observables = identifierObservables(i);
    if (observables[0]) observableIds.set(i.id, observables[0].id);
    for (const o of observables) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      objects.push(o);
    }
  }
  const identifierType = new Map(data.identifiers.map((i) => [i.id, i.type.replace(/_/g, " ")]));
  for (const h of data.holdings) {
    const source = personaIds.get(h.personaId);
    const target = observableIds.get(h.identifierId);
    if (!source || !target) continue;
    const description = `Holds this ${identifierType.get(h.identifierId) ?? "identifier"}${h.sourceExhibit ? `; source exhibit ${h.sourceExhibit}${h.sourcePage ? `, page ${h.sourcePage}` : ""}` : ""}.`;
    objects.push({
      type: "relationship",
      id: caseworkId("relationship", `holding:${h.personaId}:${h.identifierId}`),
      ...common,
      created: ts(h.createdAt),
      relationship_type: "related-to",
      source_ref: source,
      target_ref: target,
      confidence: h.confidence,
      description,
    });
  }
  for (const o of sanctionsSightings(data, common, producer.id, personaIds)) objects.push(o);
  for (const l of data.links) {
    const source = personaIds.get(l.fromPersonaId);
    const target = personaIds.get(l.toPersonaId);
    if (!source || !target) continue;
    const description =
      [l.rationale, l.evidenceExhibit ? `Evidence: exhibit ${l.evidenceExhibit}.` : ""].filter(Boolean).join(" ") ||
      `Linked as ${l.relation.replace(/_/g, " ")}.`;
    objects.push({
      type: "relationship",
      id: caseworkId("relationship", `link:${l.id}`),
      ...common,
      created: ts(l.createdAt),
      relationship_type: relationshipTypes[l.relation],
      source_ref: source,
      target_ref: target,
      confidence: l.confidence,
      description,
    });
  }
  const report: StixObject = {
    type: "report",
    id: caseworkId("report", `export:${exportId}`),
    ...common,
    created: now,
    name: `${data.case.ref}: ${data.case.title}`,
    description: data.case.summary || `Investigation ${data.case.ref}.`,
    published: now,
    report_types: data.personas.some((p) => p.status === "confirmed") ? ["threat-actor", "identity"] : ["identity"],
    labels: [`severity:${data.case.severity}`, `status:${data.case.status}`],
    external_references: [
      {
        source_name: "casework",
        external_id: data.case.ref,
        description: "Case reference in the exporting Casework instance",
      },
    ],
    object_refs: objects.map((o) => o.id),
  };
  const bundle = {
    type: "bundle",
    id: `bundle--${uuidV5(CASEWORK_NAMESPACE, `bundle:${exportId}`)}`,
    objects: [report, ...objects],
  };
  return Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`, "utf8");
}
