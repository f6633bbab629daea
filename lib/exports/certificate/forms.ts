import { formatBytes } from "@/lib/format";
import { when, words } from "../report/input";
import { collectedText, custodySummary } from "./custody";
import { BLANK, type Block, type Certificate, type CertificateInput } from "./model";

export const CERTIFICATE_DIR = "certification";
export const CERTIFICATE_NAMES = ["us-fre-902-declaration", "certificate-of-authenticity"] as const;

/** Every certificate file of a pack, as named in the manifest and VERIFY.txt. */
export const certificatePaths = (): string[] =>
  CERTIFICATE_NAMES.flatMap((n) => [`${CERTIFICATE_DIR}/${n}.pdf`, `${CERTIFICATE_DIR}/${n}.docx`]);

const draftNote =
  "Prepared by the case-management system from the pack's own records, as a draft for counsel. Review, complete and adapt it to the proceedings before anyone signs it; it is not legal advice.";

function packFacts(input: CertificateInput): string {
  const c = input.data.case;
  const stamp = input.timestamp
    ? `The manifest was timestamped by an RFC 3161 time-stamping authority (${input.timestamp.signer ?? "named in manifest.tsr"}) at ${when(input.timestamp.genTime)}; the token is manifest.tsr in the pack.`
    : "The pack carries no trusted timestamp: its export time rests on the system's own clock.";
  return `The records are held in the evidence pack of case ${c.ref} ("${c.title}"), made by ${input.software.name} ${input.software.version} on ${when(input.exportedAt.toISOString())} at the request of ${input.exporter.name} <${input.exporter.email}>. The pack's manifest (manifest.json) lists every file of the pack with its size and SHA-256; its own SHA-256 is ${input.manifestSha256}. It is signed with the Ed25519 key whose fingerprint (SHA-256 of the public key) is ${input.fingerprint}. ${stamp}`;
}

const hashing = (input: CertificateInput) =>
  `Each record was identified by a process of digital identification: its SHA-256 hash value was computed by ${input.software.name} when it was collected and recorded together with its chain of custody. When the pack was made, the SHA-256 of each copy placed in it was computed again and found identical to the value recorded at collection, so each copy is an accurate copy of the data as collected. Anyone can repeat the check with the instructions in VERIFY.txt.`;

function schedule(input: CertificateInput): Block[] {
  const blocks: Block[] = [{ kind: "heading", text: "Schedule A: records certified", newPage: true }];
  if (input.included.length === 0) blocks.push({ kind: "paragraph", text: "The pack holds no evidence files." });
  for (const { item, path } of input.included)
    blocks.push({
      kind: "record",
      heading: `${item.exhibitNo}: ${item.title}`,
      pairs: [
        ["Original file", `${item.originalName} (${formatBytes(item.size)}, ${words(item.kind)})`],
        ["In the pack", path],
        ["Collected by, at", collectedText(item)],
        ["SHA-256", item.sha256],
        ["Chain of custody", custodySummary(item)],
      ],
      mono: ["SHA-256"],
    });
  if (input.leftOut.length > 0) {
    blocks.push({ kind: "heading", text: "Schedule B: records withheld from the pack (not certified)" });
    for (const { item, reason } of input.leftOut)
      blocks.push({
        kind: "record",
        heading: `${item.exhibitNo}: ${item.title}`,
        pairs: [
          ["SHA-256", item.sha256],
          ["Why withheld", reason],
        ],
        mono: ["SHA-256"],
      });
  }
  return blocks;
}

/** The US form: a declaration under 28 U.S.C. § 1746 serving Fed. R. Evid. 902(11) and 902(14). */
export function usDeclaration(input: CertificateInput): Certificate {
  const c = input.data.case;
  return {
    name: CERTIFICATE_NAMES[0],
    title: "Declaration certifying records (Fed. R. Evid. 902(11), 902(14))",
    footer: "Declaration under Fed. R. Evid. 902(11) and 902(14)",
    blocks: [
      { kind: "paragraph", text: draftNote, note: true },
      {
        kind: "fields",
        pairs: [
          ["Court and case", BLANK],
          ["Internal reference", `${c.ref}: ${c.title}`],
        ],
      },
      {
        kind: "title",
        text: "Declaration of a custodian or other qualified person certifying records of regularly conducted activity and data copied from electronic devices",
      },
      { kind: "subtitle", text: "Federal Rules of Evidence 902(11) and 902(14); 28 U.S.C. § 1746" },
      {
        kind: "paragraph",
        text: `1. I, ${BLANK} (name), am over eighteen years of age and employed by ${BLANK} (organisation) as ${BLANK} (title). I am a custodian of the records listed in Schedule A, or am otherwise qualified by my familiarity with how they were collected and kept, to make this declaration.`,
      },
      { kind: "paragraph", text: `2. ${packFacts(input)}` },
      {
        kind: "paragraph",
        text: `3. Rule 902(11). Each record listed in Schedule A was made at or near the time of the occurrence of the matters set forth in it by, or from information transmitted by, a person with knowledge of those matters; was kept in the course of the regularly conducted activity of ${BLANK} (organisation); and was made as a regular practice of that activity (Fed. R. Evid. 803(6)(A)-(C)).`,
      },
      {
        kind: "paragraph",
        text: `4. Rule 902(14). Each record listed in Schedule A is data copied from an electronic device, storage medium or file. ${hashing(input)}`,
      },
      {
        kind: "paragraph",
        text: "5. Schedule A shows, for each record, who collected it and when, its SHA-256, and a summary of its chain of custody as the system recorded it; the pack's custody.csv holds every custody event in full.",
      },
      {
        kind: "paragraph",
        text: `I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct. Executed on ${BLANK} (date) at ${BLANK} (city, state or country).`,
      },
      {
        kind: "signature",
        labels: ["Signature", "Printed name", "Title", "Organisation", "Address, telephone, e-mail"],
      },
      {
        kind: "paragraph",
        text: "Notice: a party offering records under Rule 902(11) must give every adverse party reasonable written notice of the intent to offer them before the trial or hearing, and make the records and this declaration available for inspection (Fed. R. Evid. 902(11), 902(14)).",
        note: true,
      },
      ...schedule(input),
    ],
  };
}

/** A plain certificate for authorities without a prescribed form (the United Kingdom and others). */
export function plainCertificate(input: CertificateInput): Certificate {
  const c = input.data.case;
  return {
    name: CERTIFICATE_NAMES[1],
    title: "Certificate of authenticity of electronic records",
    footer: "Certificate of authenticity",
    blocks: [
      { kind: "paragraph", text: draftNote, note: true },
      { kind: "title", text: "Certificate of authenticity of electronic records" },
      {
        kind: "subtitle",
        text: "For courts and authorities in the United Kingdom and elsewhere that prescribe no form of their own",
      },
      {
        kind: "fields",
        pairs: [
          ["Addressed to", BLANK],
          ["Their reference", BLANK],
          ["Our reference", `${c.ref}: ${c.title}`],
        ],
      },
      {
        kind: "paragraph",
        text: `1. I, ${BLANK} (full name), ${BLANK} (position) of ${BLANK} (organisation and address), certify as follows.`,
      },
      {
        kind: "paragraph",
        text: `2. I am responsible for, or have personal knowledge of, the collection and keeping of the records listed in Schedule A, which were collected in the course of an investigation by ${BLANK} (organisation).`,
      },
      { kind: "paragraph", text: `3. ${packFacts(input)}` },
      { kind: "paragraph", text: `4. ${hashing(input)}` },
      {
        kind: "paragraph",
        text: "5. To the best of my knowledge and belief no record listed in Schedule A has been altered since it was collected, and the system that recorded them operated properly throughout; where it did not, that did not affect the records or their accuracy.",
      },
      {
        kind: "paragraph",
        text: "6. Schedule A shows, for each record, who collected it and when, its SHA-256, and a summary of its chain of custody; the pack's custody.csv holds every custody event in full.",
      },
      { kind: "heading", text: "Statement of truth" },
      { kind: "paragraph", text: "I believe that the facts stated in this certificate are true." },
      { kind: "signature", labels: ["Signature", "Full name", "Position", "Date", "Place"] },
      ...schedule(input),
    ],
  };
}
