// Starts an upload into the store at <root> and never finishes it, for a test that kills this
// process mid-upload: `node --import tsx lib/testing/upload-then-hang.ts <root>`. Prints
// `writing` once the temp file holds the first bytes.
import fs from "node:fs";
import path from "node:path";
import { LocalBlobStore } from "@/lib/storage/local";

const store = new LocalBlobStore({ root: process.argv[2] ?? "" });

/** True once a temp file holds bytes: the write stream opens and writes asynchronously. */
function written(): boolean {
  const names = fs.existsSync(store.tmpDir) ? fs.readdirSync(store.tmpDir) : [];
  return names.some((n) => n.endsWith(".part") && fs.statSync(path.join(store.tmpDir, n)).size > 0);
}

async function* stalledBody() {
  yield Buffer.alloc(64 * 1024, 1);
  while (!written()) await new Promise((r) => setTimeout(r, 10));
  process.stdout.write("writing\n");
  // Stay alive, as a server in the middle of a slow upload does.
  setInterval(() => {}, 60_000);
  await new Promise(() => {});
}

void store.stage(stalledBody());
