// `npm run db:migrate`: applies the committed migrations and exits. The server also migrates at start-up.
import { runScript } from "./support/run";

void runScript(async () => {
  const { databaseKind, ready } = await import("@/db");
  const { describeDatabase } = await import("./support/database");
  await ready();
  process.stdout.write(`Migrations applied (${databaseKind()}: ${describeDatabase()}).\n`);
});
