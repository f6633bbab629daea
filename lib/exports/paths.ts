import path from "node:path";
import { env } from "@/lib/env";

/** Packs are kept in the data folder, beside the evidence they were made from. */
export const exportsDir = () => path.join(env.DATA_DIR, "exports");

/** The id is a UUID validated before any path is built from it. */
export const packPath = (id: string) => {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error("not an export id");
  return path.join(exportsDir(), `${id}.zip`);
};
