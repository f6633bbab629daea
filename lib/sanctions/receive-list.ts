import { z } from "zod";
import { AppError, parseOrThrow } from "@/lib/errors";
import { sanctionsSources } from "./constants";
import type { ListFiles } from "./import-list";

/** Consolidated lists run to tens of megabytes; the SDN file is about 4 MB. */
export const MAX_LIST_BYTES = 200 * 1024 * 1024;

const fieldsSchema = z.strictObject({
  source: z.enum(sanctionsSources, { message: `Source must be one of: ${sanctionsSources.join(", ")}` }),
  publishedAt: z.iso.date({ message: "Give the publication date as YYYY-MM-DD" }).optional(),
});

const bytesOf = async (value: FormDataEntryValue | null) =>
  value instanceof File ? new Uint8Array(await value.arrayBuffer()) : undefined;

/**
 * Reads POST /api/sanctions/lists: multipart with `file`, `source` (ofac_sdn_csv | ftm), and for
 * OFAC the optional `alt` and `add` files; `publishedAt` when the file's name carries no date.
 */
export async function receiveList(request: Request): Promise<ListFiles> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_LIST_BYTES) throw new AppError("payload_too_large", "The list is larger than 200 MB");
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    throw new AppError("bad_request", "Send the list as multipart/form-data");
  const form = await request.formData().catch(() => {
    throw new AppError("bad_request", "The form could not be read");
  });
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const fields = parseOrThrow(fieldsSchema, { source: text("source"), publishedAt: text("publishedAt") });
  const file = form.get("file");
  // A form sent with no file chosen carries an empty, nameless part.
  if (!(file instanceof File) || (file.size === 0 && file.name === ""))
    throw new AppError("bad_request", "Choose the list file", [{ path: "file", message: "Choose the list file" }]);
  const [alt, add] = [await bytesOf(form.get("alt")), await bytesOf(form.get("add"))];
  if (fields.source !== "ofac_sdn_csv" && (alt || add))
    throw new AppError("bad_request", "Alias and address files go with the OFAC SDN list only", [
      { path: "alt", message: "Only with source ofac_sdn_csv" },
    ]);
  return {
    source: fields.source,
    fileName: file.name || "list",
    file: new Uint8Array(await file.arrayBuffer()),
    alt,
    add,
    publishedAt: fields.publishedAt ?? null,
  };
}
