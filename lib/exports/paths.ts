import path from "node:path";
import { env } from "@/lib/env";
import { type BlobStore, evidenceStore, type NamedFiles } from "@/lib/storage";

/** Packs are kept in the store beside the evidence they were made from: `exports/<id>.zip`. */
export const packFiles = (store: BlobStore = evidenceStore()): NamedFiles => store.files("exports");

/** The id is a UUID validated before any name is built from it. */
export const packName = (id: string) => {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error("not an export id");
  return `${id}.zip`;
};

/** Removes a pack and any partial build of it, wherever the store keeps them. */
export const removePack = (id: string, store?: BlobStore) => packFiles(store).remove(packName(id));

/** Where the folder store (STORAGE=local) keeps a pack: for tests and benchmarks that read the file itself. */
export const exportsDir = () => path.join(env.DATA_DIR, "exports");
export const packPath = (id: string) => path.join(exportsDir(), packName(id));
