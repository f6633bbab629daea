import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RealFile } from "./notes-evidence";
import type { Random } from "./random";
import { paragraph } from "./vocab";

// A 1x1 PNG: enough for content sniffing and a preview.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

function minimalPdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

/**
 * Writes a few real evidence files into the content-addressed layout the product reads
 * (`<dataDir>/evidence/ab/cd/<sha256>`), so downloads and verification work on generated data.
 */
export function writeRealFiles(random: Random, dataDir: string, count: number): RealFile[] {
  const files: RealFile[] = [];
  for (let k = 0; k < count; k++) {
    const shape = k % 4;
    const body =
      shape === 0 ? Buffer.from(`[09:14] recruiter: can you turn the camera on?\n[09:15] candidate: ${paragraph(random, 3)}\n#${k}\n`) :
      shape === 1 ? Buffer.from(JSON.stringify({ source: "vpn", entries: Array.from({ length: 50 }, (_, i) => ({ i, ip: `203.0.113.${i}`, at: new Date(Date.UTC(2026, 9, 1, 0, i)).toISOString() })), k })) :
      shape === 2 ? Buffer.concat([PNG, Buffer.from(`bench-${k}`)]) :
      minimalPdf(`exhibit ${k}`);
    const sha256 = createHash("sha256").update(body).digest("hex");
    const dir = path.join(dataDir, "evidence", sha256.slice(0, 2), sha256.slice(2, 4));
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, sha256);
    if (!fs.existsSync(file)) fs.writeFileSync(file, body, { mode: 0o440 });
    const [mimeType, kind, ext] = ([["text/plain", "chat_log", "txt"], ["application/json", "network_log", "json"], ["image/png", "screenshot", "png"], ["application/pdf", "document", "pdf"]] as const)[shape] ?? ["text/plain", "other", "txt"];
    files.push({ sha256, size: body.length, mimeType, kind, name: `exhibit-${k + 1}.${ext}` });
  }
  return files;
}
