import fs from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import addFormats2019 from "ajv-formats-draft2019";

/** The official OASIS STIX 2.1 schemas, kept in the repository with their licence (standards/README.md). */
export const STIX_SCHEMA_DIR = path.resolve(process.cwd(), "standards/stix2.1-schemas");
const BUNDLE_ID =
  "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json";

function schemaFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? schemaFiles(path.join(dir, e.name)) : e.name.endsWith(".json") ? [path.join(dir, e.name)] : [],
    );
}

/**
 * A validator for a STIX bundle against every official schema. The schemas are draft 2020-12;
 * their regular expressions are not all valid in Unicode mode, hence unicodeRegExp: false.
 */
export function stixBundleValidator(): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  addFormats2019(ajv);
  for (const file of schemaFiles(STIX_SCHEMA_DIR)) ajv.addSchema(JSON.parse(fs.readFileSync(file, "utf8")) as object);
  const validate = ajv.getSchema(BUNDLE_ID);
  if (!validate) throw new Error(`bundle schema not found in ${STIX_SCHEMA_DIR}`);
  return validate;
}
