import { parseArgs, type ParseArgsConfig } from "node:util";
import { userRoles } from "@/db/schema";
import { UsageError } from "../support/errors";

export type PasswordSource = { from: "argument"; value: string } | { from: "stdin" };

export type CliCommand =
  | { kind: "help" }
  | { kind: "user-add"; email: string; name: string; role: string; password: PasswordSource }
  | { kind: "user-password"; email: string; password: PasswordSource }
  | { kind: "token-create"; email: string; name: string; expiresAt?: string }
  | { kind: "audit-verify" }
  | { kind: "audit-anchor" }
  | { kind: "verify-pack"; file: string }
  | { kind: "personas-flag-reuse" }
  | { kind: "sanctions-import"; source: string; file: string; alt?: string; add?: string; publishedAt?: string };

export const usage = `Casework operator commands

Usage: npm run cli -- <command> [options]

Commands:
  user add --email E --name N --role R (--password P | --password-stdin)
      Create a user. Roles: ${userRoles.join(", ")}. Passwords need at least 12 characters.
      --password-stdin reads the password from standard input, keeping it out of shell history.

  user password --email E (--password P | --password-stdin)
      Set a user's password (at least 12 characters). Their browser sessions end; API tokens stay.

  token create --email E --name N [--expires ISO-8601]
      Create an API token for that user. Only the secret goes to stdout, so it can be captured:
        TOKEN=$(npm run -s cli -- token create --email ops@example.com --name ci --expires 2027-01-01T00:00:00Z)
      (-s keeps npm's own banner out of stdout.)

  audit verify
      Check the audit log's hash chain, and the log against the signed anchors in
      DATA_DIR/audit-anchors.jsonl, or with STORAGE=s3 the bucket's anchors/ after that file's
      lines (a deleted or rewritten tail, a forged anchor):
      exit code 0 when intact, 1 naming each problem.

  audit anchor
      Sign the audit log's newest event (seq and hash) with the instance key and add it to
      the anchors now. The server does this every minute while events arrive.

  sanctions import --source S [--alt FILE] [--add FILE] [--published YYYY-MM-DD] FILE
      Import a sanctions list version and wait until its entries are in. Sources: ofac_sdn_csv
      (sdn.csv, with OFAC's alt.csv and add.csv beside it if you have them) and ftm
      (FollowTheMoney entities, one JSON object per line). The same files again change nothing.

  personas flag-reuse
      Flag REUSED_IDENTIFIER, as the system, on every persona that shares an identifier with a
      confirmed persona, as recording it today would (for data from before the app did this
      itself). A persona whose flag someone removed is left alone; running it again adds nothing.

  verify-pack <file.zip>
      Check an evidence pack: the signature over manifest.json (and whether the key is this
      instance's), every SHA256SUMS line and every manifest entry against the bytes. Names each
      wrong file; exit code 0 when the pack is intact, 1 otherwise. Needs no database.

  help
      Show this text.

The commands use the same database as the server: DATABASE_URL, or the embedded database in
DATA_DIR (default ./data). The embedded database opens in one process at a time: stop the
server first.`;

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
type Options = NonNullable<ParseArgsConfig["options"]>;

interface Spec {
  options: Options;
  /** Takes positional arguments (files) after the options. */
  positionals?: boolean;
  build: (values: Values, name: string, positionals?: string[]) => CliCommand;
}

function text(values: Values, key: string): string | undefined {
  const value = values[key];
  return typeof value === "string" ? value : undefined;
}

/** The listed options, each required to be present and not blank. */
function required(values: Values, name: string, keys: string[]): Record<string, string> {
  const missing = keys.filter((k) => !text(values, k)?.trim());
  if (missing.length > 0) throw new UsageError(`"${name}" needs ${missing.map((k) => `--${k}`).join(", ")}`);
  return Object.fromEntries(keys.map((k) => [k, text(values, k) ?? ""]));
}

/** --password P or --password-stdin, exactly one. */
function passwordSource(values: Values, name: string): PasswordSource {
  const fromArgument = text(values, "password");
  const fromStdin = values["password-stdin"] === true;
  if (fromArgument !== undefined && fromStdin)
    throw new UsageError(`"${name}" takes --password or --password-stdin, not both`);
  if (fromArgument === undefined && !fromStdin) throw new UsageError(`"${name}" needs --password or --password-stdin`);
  return fromStdin ? { from: "stdin" } : { from: "argument", value: fromArgument ?? "" };
}

const specs: Record<string, Spec> = {
  "user add": {
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
    build: (values, name) => {
      const { email = "", name: userName = "", role = "" } = required(values, name, ["email", "name", "role"]);
      return { kind: "user-add", email, name: userName, role, password: passwordSource(values, name) };
    },
  },
  "user password": {
    options: { email: { type: "string" }, password: { type: "string" }, "password-stdin": { type: "boolean" } },
    build: (values, name) => {
      const { email = "" } = required(values, name, ["email"]);
      return { kind: "user-password", email, password: passwordSource(values, name) };
    },
  },
  "token create": {
    options: { email: { type: "string" }, name: { type: "string" }, expires: { type: "string" } },
    build: (values, name) => {
      const { email = "", name: tokenName = "" } = required(values, name, ["email", "name"]);
      const expires = text(values, "expires");
      return expires === undefined
        ? { kind: "token-create", email, name: tokenName }
        : { kind: "token-create", email, name: tokenName, expiresAt: expires };
    },
  },
  "audit verify": { options: {}, build: () => ({ kind: "audit-verify" }) },
  "audit anchor": { options: {}, build: () => ({ kind: "audit-anchor" }) },
  "personas flag-reuse": { options: {}, build: () => ({ kind: "personas-flag-reuse" }) },
  "sanctions import": {
    options: {
      source: { type: "string" },
      alt: { type: "string" },
      add: { type: "string" },
      published: { type: "string" },
    },
    positionals: true,
    build: (values, name, positionals = []) => {
      const { source = "" } = required(values, name, ["source"]);
      if (positionals.length !== 1) throw new UsageError(`"${name}" needs exactly one list file`);
      return {
        kind: "sanctions-import",
        source,
        file: positionals[0]!,
        alt: text(values, "alt"),
        add: text(values, "add"),
        publishedAt: text(values, "published"),
      };
    },
  },
};

/** `verify-pack <file>`: one positional argument, the pack. */
function parseVerifyPack(args: string[]): CliCommand {
  if (args.includes("--help") || args.includes("-h")) return { kind: "help" };
  const files = args.filter((a) => a !== "--");
  if (files.length !== 1 || !files[0]?.trim())
    throw new UsageError(`"verify-pack" needs exactly one file: npm run cli -- verify-pack <file.zip>`);
  return { kind: "verify-pack", file: files[0] };
}

const groups = [...new Set(Object.keys(specs).map((k) => k.split(" ")[0]))];

/** Maps the words after `npm run cli --` to a command; bad input throws a UsageError saying what is wrong. */
export function parseCommand(argv: readonly string[]): CliCommand {
  const [group, sub, ...rest] = argv;
  if (group === undefined) throw new UsageError("No command given.");
  if (group === "help" || group === "--help" || group === "-h") return { kind: "help" };
  if (group === "verify-pack") return parseVerifyPack([sub, ...rest].filter((a): a is string => a !== undefined));
  if (!groups.includes(group)) throw new UsageError(`Unknown command "${group}".`);
  const known = Object.keys(specs).filter((k) => k.startsWith(`${group} `));
  const name = `${group} ${sub ?? ""}`.trim();
  const spec = specs[name];
  if (!spec) {
    const what = sub === undefined ? `"${group}" needs a subcommand` : `Unknown command "${name}"`;
    throw new UsageError(`${what}: try ${known.map((k) => `"${k}"`).join(" or ")}.`);
  }
  if (rest.includes("--help") || rest.includes("-h")) return { kind: "help" };
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      options: spec.options,
      strict: true,
      allowPositionals: spec.positionals ?? false,
    }));
  } catch (error) {
    // node:util's messages are precise but long; the first sentence says what is wrong.
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    throw new UsageError(`"${name}": ${message.replace(/\.$/, "")}.`);
  }
  return spec.build(values, name, positionals);
}
