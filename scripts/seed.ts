// `npm run db:seed`: writes the demo data set into a database that has no users yet.
import { runScript } from "./support/run";

void runScript(async () => {
  const { ready } = await import("@/db");
  const { describeDatabase } = await import("./support/database");
  const { seedDemo } = await import("@/lib/seed/demo");
  const { formatDemoLogins } = await import("@/lib/seed/users");
  await ready();
  const result = await seedDemo();
  if (!result.seeded) {
    process.stdout.write(`Nothing seeded: ${result.reason} (${describeDatabase()}).\n`);
    return 0;
  }
  const { counts } = result;
  process.stdout.write(
    `Seeded the demo data set into ${describeDatabase()}: ${counts.users} users, ${counts.cases} cases, ` +
      `${counts.personas} personas, ${counts.identifiers} identifiers.\n\nDemo logins:\n${formatDemoLogins(result.logins)}\n`,
  );
  return 0;
});
