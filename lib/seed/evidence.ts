import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { uploadEvidence } from "@/lib/evidence/upload-evidence";
import { startImport } from "@/lib/imports/start-import";
import { makeDocx, makeEml, makePdf } from "@/lib/intake/samples";

/*
 * Synthetic documents for the demo case, made in code (no real person's data): a résumé as PDF
 * and a near-copy of it under another name as DOCX, a recruiter's e-mail with an attachment, a
 * chat export and an applicant-tracking export. Uploaded through the real upload path, so they
 * get exhibit numbers, custody, audit and their text read by the background job like any upload.
 * Every identifier in them is in a reserved range (example domains, 555-01xx, documentation IPs).
 */

const RESUME = (name: string, email: string, bullets: [string, string]) => [
  [
    name,
    "Senior Solidity / Backend Engineer",
    `Austin, Texas · ${email} · +1 (202) 555-0147`,
    "https://github.com/ethan-exampleton-dev",
    "",
    "Experience",
    "Example Chain Labs, Smart-contract engineer, 2019-2024",
    `- ${bullets[0]}`,
    `- ${bullets[1]}`,
    "- Audited ERC-20 and ERC-721 contracts with Foundry and Slither",
    "Education",
    "B.Sc. Computer Science, University of Belgrade, 2014-2018",
  ].join("\n"),
  [
    "Payment details for contractors",
    "Preferred: USDC on Ethereum to 0x9af3C0dE5e7a1b2c3D4e5F60718293a4B5C6d7E8",
    "Alternative: bank transfer, IBAN GB82 WEST 1234 5698 7654 32",
    "Portfolio: www.example-chain-labs.example",
  ].join("\n"),
];

function files(): Promise<DemoFile[]> {
  return (async () => {
    const resume = await makePdf(
      RESUME("Ethan Exampleton", "Ethan.Exampleton@Example.test", [
        "Built a cross-chain bridge handling 40M USD a month",
        "Led a team of four on DeFi lending contracts",
      ]),
      "Résumé",
    );
    // The same résumé under another name, two bullet points changed: how recycled résumés look.
    const copy = await makeDocx(
      RESUME("Lucas Samplewood", "lucas.samplewood@example.test", [
        "Built a cross-chain bridge for a payments start-up",
        "Led a team of three on lending contracts",
      ]).flatMap((page) => page.split("\n")),
    );
    const portfolio = await makePdf(["Portfolio: payouts to 0x9af3C0dE5e7a1b2c3D4e5F60718293a4B5C6d7E8 on Ethereum"]);
    const email = makeEml({
      from: "Staffing Vendor <placements@staffing-vendor.example>",
      to: "hiring@casework-demo.example",
      subject: "Candidate: Ethan Exampleton, Senior Solidity Engineer",
      body: [
        "Hello,",
        "",
        "Please find Ethan's portfolio attached. He prefers to be reached on Telegram (https://t.me/ethan_dev_demo)",
        "or on +1 (202) 555-0147. Please ship the laptop to 1200 Sample Freight Way, Unit 4, Exampleville, TX 75001.",
        "",
        "Kind regards,",
        "Placements team",
      ].join("\r\n"),
      attachments: [{ name: "portfolio.pdf", type: "application/pdf", data: portfolio }],
    });
    const chat = new TextEncoder().encode(
      [
        "[2026-02-11 03:12] ethan.dev: hi, payroll question",
        "[2026-02-11 03:13] ethan.dev: can you pay half in USDC? wallet 0x9af3C0dE5e7a1b2c3D4e5F60718293a4B5C6d7E8",
        "[2026-02-11 03:15] hr.partner: we only pay through payroll",
        "[2026-02-11 03:16] ethan.dev: ok then my friend account, Lucas, lucas.samplewood@example.test",
        "[2026-02-12 02:40] ethan.dev: signing in from 203.0.113.45 today, VPN issues",
      ].join("\n"),
    );
    const ats = new TextEncoder().encode(
      [
        "applicant_id,full_name,email,mobile,wallet,source",
        "GH-1001,Ethan Exampleton,Ethan.Exampleton@Example.test,+1 (202) 555-0147,0x9af3C0dE5e7a1b2c3D4e5F60718293a4B5C6d7E8,Staffing vendor",
        "GH-1002,Lucas Samplewood,lucas.samplewood@example.test,+1 202 555 0147,,Freelance platform",
        "GH-1003,Nadia Placeholder,nadia.placeholder@example.org,+1 202 555 0188,,Referral",
      ].join("\n"),
    );
    return [
      {
        name: "resume-ethan-exampleton.pdf",
        type: "application/pdf",
        title: "Résumé as received",
        kind: "document",
        bytes: resume,
      },
      {
        name: "resume-lucas-samplewood.docx",
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        title: "Résumé of Lucas Samplewood (near-copy)",
        kind: "document",
        bytes: copy,
      },
      {
        name: "vendor-email.eml",
        type: "message/rfc822",
        title: "Staffing vendor's e-mail",
        kind: "email",
        bytes: email,
      },
      { name: "chat-export.txt", type: "text/plain", title: "HR chat export", kind: "chat_log", bytes: chat },
      { name: "ats-export.csv", type: "text/csv", title: "Applicant-tracking export", kind: "hr_record", bytes: ats },
    ];
  })();
}

export type DemoFile = { name: string; type: string; title: string; kind: string; bytes: Uint8Array };

/** Uploads one demo file to the case through the real upload path; answers the evidence id. */
export async function uploadDemoFile(actor: Actor, caseId: string, file: DemoFile): Promise<string> {
  const form = new FormData();
  form.set("title", file.title);
  form.set("kind", file.kind);
  form.set("collectedBy", actor.name);
  form.set("source", "Demo data (synthetic)");
  form.set("file", new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
  const request = new Request(`http://localhost/api/cases/${caseId}/evidence`, { method: "POST", body: form });
  return (await uploadEvidence({ actor, caseId, request })).id;
}

/** The demo case's lead, as the actor the demo's uploads and personas are recorded under. */
export async function demoActor(leadEmail: string): Promise<Actor> {
  const [lead] = await db.select().from(users).where(eq(users.email, leadEmail));
  if (!lead) throw new Error(`demo seed: no user ${leadEmail}`);
  return { id: lead.id, email: lead.email, name: lead.name, role: lead.role, via: "cli" };
}

/**
 * Uploads the demo documents to the case as its lead (their text is read once the server runs),
 * and starts a dry run of importing the applicant-tracking export into it, so the import page has
 * a report to show: who would be created, matched or refused.
 */
export async function seedDemoEvidence(caseId: string, leadEmail: string): Promise<number> {
  const actor = await demoActor(leadEmail);
  let n = 0;
  for (const file of await files()) {
    await uploadDemoFile(actor, caseId, file);
    n += 1;
    if (file.name === "ats-export.csv")
      await startImport({
        actor,
        received: {
          fileName: file.name,
          claimedType: file.type,
          bytes: file.bytes,
          fields: {
            caseId,
            dryRun: "true",
            mapping: JSON.stringify({
              source: "greenhouse",
              key: "applicant_id",
              columns: { full_name: "displayName", email: "email", mobile: "phone", wallet: "crypto_wallet" },
            }),
          },
        },
      });
  }
  return n;
}
