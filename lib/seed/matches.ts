import type { Actor } from "@/lib/auth/actor";
import { makeDocx, makePdf } from "@/lib/intake/samples";
import { addIdentifier } from "@/lib/personas/add-identifier";
import { createPersona } from "@/lib/personas/create-persona";
import type { IdentifierInput } from "@/lib/personas/schema";
import { alteredCopy, picture } from "@/lib/testing/photos";
import { uploadDemoFile } from "./evidence";

/*
 * Possible matches for the review page on first start: three personas of one made-up operator in
 * the demo case, each pair near rather than equal, as the matching job finds them once the
 * uploads' text and photo fingerprints are read:
 * - "Kim Sang Man" and "Sang-Man Gim": one Gmail written two ways (kim.sangman@gmail.com and
 *   kimsangman+jobs@gmail.com) and one profile picture, re-encoded at a lower quality, resized and
 *   cropped (a picture generated from shapes, never a face);
 * - "Kim Sang Man" and 김상만: the same résumé under another name with two bullet points changed;
 * - "Sang-Man Gim" and 김상만: one name romanised two ways and nothing else, so listed below the
 *   score a likely match needs.
 * Every identifier is in a reserved range or an example domain; gmail.com is there because its
 * dot and +tag rules are what the pair shows.
 */

const RESUME = (name: string, contact: string, bullets: [string, string]) => [
  name,
  "Senior Full-Stack Engineer, remote",
  contact,
  "",
  "Experience",
  "Hanbit Soft (example), full-stack engineer, 2019-2024",
  `- ${bullets[0]}`,
  `- ${bullets[1]}`,
  "- Built the payments API in TypeScript and Node.js with PostgreSQL and Redis",
  "- Migrated the billing service from a monolith to Kubernetes on AWS",
  "- Maintained the React dashboard used by two hundred support agents every day",
  "- Automated CI pipelines and release notes with GitHub Actions",
  "Earlier: Example Logistics, backend developer, 2016-2019",
  "- Designed the shipment tracking service and its public webhooks",
  "Education",
  "B.Sc. Computer Science, 2012-2016",
  "Languages: Korean, English, Chinese",
];

/** Adds the operator's three personas to the case, with their documents as the sources of their claims. */
export async function seedDemoMatches(actor: Actor, caseId: string): Promise<string[]> {
  const upload = (name: string, type: string, title: string, kind: string, bytes: Uint8Array) =>
    uploadDemoFile(actor, caseId, { name, type, title, kind, bytes });
  const original = await picture(16_016);
  const photo = await upload(
    "profile-kim-sang-man.jpg",
    "image/jpeg",
    "Profile picture (Kim Sang Man)",
    "screenshot",
    original,
  );
  const copy = await upload(
    "profile-sang-man-gim.webp",
    "image/webp",
    "Profile picture (Sang-Man Gim)",
    "screenshot",
    await alteredCopy(original, { quality: 55, scale: 0.6, crop: 0.03, format: "webp" }),
  );
  const resume = await upload(
    "resume-kim-sang-man.pdf",
    "application/pdf",
    "Résumé of Kim Sang Man",
    "document",
    await makePdf(
      [
        RESUME("Kim Sang Man", "kim.sangman@gmail.com · github.com/kimsangman-dev", [
          "Led a team of five on the order management platform",
          "Cut checkout latency by 40 percent with caching and query tuning",
        ]).join("\n"),
      ],
      "Résumé",
    ),
  );
  const resumeCopy = await upload(
    "resume-김상만.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Résumé of 김상만 (near-copy)",
    "document",
    await makeDocx(
      RESUME("김상만", "+1 (202) 555-0163", [
        "Led a team of four on the order platform",
        "Cut checkout latency by a third with caching",
      ]),
    ),
  );

  const operator: { displayName: string; photo?: string; claims: IdentifierInput[] }[] = [
    {
      displayName: "Kim Sang Man",
      photo,
      claims: [
        { type: "email", value: "kim.sangman@gmail.com", sourceEvidenceId: resume },
        { type: "social_handle", value: "github:kimsangman-dev", sourceEvidenceId: photo },
      ],
    },
    {
      displayName: "Sang-Man Gim",
      photo: copy,
      claims: [
        { type: "email", value: "kimsangman+jobs@gmail.com" },
        { type: "social_handle", value: "github:sm-gim-dev", sourceEvidenceId: copy },
      ],
    },
    { displayName: "김상만", claims: [{ type: "phone", value: "+1 (202) 555-0163", sourceEvidenceId: resumeCopy }] },
  ];
  const ids: string[] = [];
  for (const { displayName, photo: photoEvidenceId, claims } of operator) {
    const persona = await createPersona({
      actor,
      input: { displayName, caseId, photoEvidenceId, notes: "Demo: possible matches." },
    });
    for (const input of claims) await addIdentifier({ actor, personaId: persona.id, input });
    ids.push(persona.id);
  }
  return ids;
}
