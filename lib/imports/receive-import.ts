import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "./constants";

export interface ReceivedImport {
  fields: Record<string, string>;
  fileName: string;
  claimedType: string | null;
  bytes: Uint8Array;
}

const fieldNames = new Set(["mapping", "dryRun", "caseId", "phoneRegion"]);

/**
 * Reads POST /api/imports: multipart with `file` (CSV or XLSX), `mapping` (JSON), `dryRun`,
 * `caseId` and `phoneRegion`. An export is read whole (it is bounded by MAX_IMPORT_BYTES): its
 * rows are parsed from memory by the job anyway.
 */
export async function receiveImport(request: Request): Promise<ReceivedImport> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_IMPORT_BYTES + 1024 * 1024)
    throw new AppError("payload_too_large", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? ""))
    throw new AppError("unsupported_media_type", "Send the import as multipart/form-data with the file in `file`");
  const form = await request.formData().catch(() => {
    throw new AppError("bad_request", "The form could not be read");
  });
  const fields: Record<string, string> = {};
  let file: File | null = null;
  for (const [name, value] of form.entries()) {
    if (name === "file" && value instanceof File) {
      if (file) throw new AppError("bad_request", "Send one file per import");
      file = value;
    } else if (typeof value === "string" && fieldNames.has(name)) {
      // A form sends empty optional fields; they mean "not given".
      if (value.trim() !== "") fields[name] = value.trim();
    } else throw new AppError("bad_request", `Unknown field "${name}"`);
  }
  // A form sent with no file chosen carries an empty, nameless part.
  if (!file || (file.size === 0 && file.name === ""))
    throw new AppError("bad_request", "Choose the file to import", [
      { path: "file", message: "Choose a CSV or XLSX file" },
    ]);
  if (file.size === 0)
    throw new AppError("bad_request", "The file is empty", [{ path: "file", message: "The file is empty" }]);
  if (file.size > MAX_IMPORT_BYTES)
    throw new AppError("payload_too_large", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  return {
    fields,
    fileName: file.name || "import",
    claimedType: file.type || null,
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}
