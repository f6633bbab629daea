import { anchorAuditAsOperator, cliActorForEmail, verifyAuditAsOperator } from "@/lib/cli/operator";
import { verifyPackAsOperator } from "@/lib/exports/verify-report";
import { flagReuseEverywhere } from "@/lib/personas/flag-reuse-everywhere";
import { importListAsOperator } from "@/lib/sanctions/import-as-operator";
import { createToken } from "@/lib/tokens/tokens";
import type { UserInput } from "@/lib/users/schema";
import { setPasswordAsOperator } from "@/lib/users/passwords";
import { createUser } from "@/lib/users/users";
import { UsageError } from "../support/errors";
import { type CliCommand, type PasswordSource, usage } from "./args";

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function readPassword(source: PasswordSource): Promise<string> {
  if (source.from === "argument") return source.value;
  if (process.stdin.isTTY)
    throw new UsageError(
      '--password-stdin expects the password piped in, e.g. `printf %s "$PW" | npm run cli -- user add ...`',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  // One line: a trailing newline from `echo` is not part of the password.
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Runs one command; returns the process exit code. */
export async function runCommand(command: CliCommand): Promise<number> {
  switch (command.kind) {
    case "help":
      out(usage);
      return 0;
    case "user-add": {
      const password = await readPassword(command.password);
      // actor null: the operator acts with the server's own rights, as the seed does. The role
      // is any string here on purpose: createUser's schema rejects a bad one with the valid list.
      const role = command.role as UserInput["role"];
      const user = await createUser({
        actor: null,
        input: { email: command.email, name: command.name, role, password },
      });
      out(`Created user ${user.email}`);
      out(`  id:   ${user.id}`);
      out(`  name: ${user.name}`);
      out(`  role: ${user.role}`);
      return 0;
    }
    case "user-password": {
      const { email } = await setPasswordAsOperator(command.email, await readPassword(command.password));
      out(`Set the password of ${email}; their browser sessions are signed out.`);
      return 0;
    }
    case "token-create": {
      const actor = await cliActorForEmail(command.email);
      const created = await createToken({ actor, input: { name: command.name, expiresAt: command.expiresAt } });
      // Only the secret on stdout, so `TOKEN=$(npm run -s cli -- token create ...)` captures exactly it.
      out(created.token);
      err(
        `Created API token "${created.name}" (${created.prefix}…) for ${created.userEmail}, id ${created.id}, expires ${created.expiresAt ?? "never"}.`,
      );
      err("The secret is shown once: store it now. Only its hash is kept.");
      return 0;
    }
    case "audit-verify": {
      const { ok, lines } = await verifyAuditAsOperator();
      for (const line of lines) (ok ? out : err)(line);
      return ok ? 0 : 1;
    }
    case "audit-anchor": {
      const result = await anchorAuditAsOperator();
      if (!result.written) {
        out("nothing to anchor: the audit log is empty");
        return 0;
      }
      out(`anchored event ${result.anchor.seq} (${result.anchor.hash}) at ${result.anchor.at} in ${result.file}`);
      return 0;
    }
    case "sanctions-import": {
      const { ok, lines } = await importListAsOperator(command);
      for (const line of lines) (ok ? out : err)(line);
      return ok ? 0 : 1;
    }
    case "personas-flag-reuse": {
      const { confirmed, flagged } = await flagReuseEverywhere();
      out(
        `Flagged ${flagged} persona${flagged === 1 ? "" : "s"} sharing an identifier with one of ${confirmed} confirmed.`,
      );
      return 0;
    }
    case "verify-pack": {
      const { ok, lines } = await verifyPackAsOperator(command.file);
      for (const line of lines) (ok ? out : err)(line);
      return ok ? 0 : 1;
    }
  }
}
