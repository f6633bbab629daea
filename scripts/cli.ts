// Operator commands: `npm run cli -- help`. Runs with --conditions=react-server so lib's "server-only" imports resolve.
import { runScript } from "./support/run";

void runScript(async () => {
  const { parseCommand, usage } = await import("./cli/args");
  const command = parseCommand(process.argv.slice(2));
  if (command.kind === "help") {
    // Help must work even where the environment or database would not.
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  // A fresh database (a new deployment, a CI run) is migrated before the first command. Checking a
  // pack needs no database, so it also works while the server holds the embedded one.
  if (command.kind !== "verify-pack") {
    const { ready } = await import("@/db");
    await ready();
  }
  const { runCommand } = await import("./cli/commands");
  return runCommand(command);
});
