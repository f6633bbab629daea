// The package ships no types; it adds the draft 2019 formats (idn-email, idn-hostname, iri…) to an Ajv instance.
declare module "ajv-formats-draft2019" {
  import type Ajv from "ajv";

  function addFormats(ajv: Ajv, options?: { formats?: string[] }): Ajv;
  export default addFormats;
}
