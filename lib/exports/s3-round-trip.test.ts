import { evidenceDataDir } from "@/lib/testing/evidence";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { openEvidenceContent } from "@/lib/evidence/open-evidence-content";
import { env } from "@/lib/env";
import { evidenceStore, S3BlobStore } from "@/lib/storage";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { openExportDownload } from "./open-export-download";
import { packFiles, packName } from "./paths";

// Before lib/env.ts is read: with a real S3 server at hand (scripts/s3-server.sh, as CI runs it),
// this file's instance keeps everything in the bucket.
vi.hoisted(() => {
  if (process.env.S3_ENDPOINT) process.env.STORAGE = "s3";
});

const sha256 = (bytes: Buffer | Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe.skipIf(!env.S3_ENDPOINT)(
  `evidence and export packs in the bucket${env.S3_ENDPOINT ? "" : " (skipped: S3_ENDPOINT is not set; run `bash scripts/s3-server.sh start` and export what it prints)"}`,
  () => {
    it("uploads, exports and downloads through S3 with nothing written to the data folder's evidence or exports", async () => {
      expect(evidenceStore()).toBeInstanceOf(S3BlobStore);
      const lead = await makeActor("investigator");
      const c = await makeCase(lead);
      const bytes = randomBytes(20 * 1024 * 1024 + 3);
      const item = await addEvidence(lead, c.id, { name: "ledger.bin", bytes });
      expect(item.sha256).toBe(sha256(bytes));
      expect(await evidenceStore().exists(item.sha256)).toBe(true);

      const content = await openEvidenceContent({
        actor: lead,
        evidenceId: item.id,
        request: new Request("http://localhost/", { headers: { range: "bytes=5-14" } }),
        inline: false,
      });
      expect(content.status).toBe(206);
      expect((await body(content)).equals(bytes.subarray(5, 15))).toBe(true);

      const pack = await exportAndWait(lead, c.id, { includeReport: false });
      expect(pack.status).toBe("done");
      expect(await packFiles().size(packName(pack.id))).toBe(pack.size);
      const whole = await openExportDownload({ actor: lead, exportId: pack.id, request: new Request("http://x/") });
      expect(whole.status).toBe(200);
      const zip = await body(whole);
      expect(sha256(zip)).toBe(pack.sha256);
      const tail = await openExportDownload({
        actor: lead,
        exportId: pack.id,
        request: new Request("http://x/", { headers: { range: `bytes=${zip.length - 22}-` } }),
      });
      expect(tail.status).toBe(206);
      expect((await body(tail)).equals(zip.subarray(-22))).toBe(true);

      for (const folder of ["evidence", "exports"])
        expect(fs.existsSync(path.join(evidenceDataDir, folder))).toBe(false);
    }, 180_000);
  },
);
