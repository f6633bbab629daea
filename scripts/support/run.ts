import { formatError, UsageError } from "./errors";

/**
 * Runs a script's main function: prints failures as one clear message, always closes the
 * database (releasing the embedded database's lock), and sets the exit code.
 * Scripts import lib/ and db/ inside `main` so a bad environment is reported here too.
 */
export async function runScript(main: () => Promise<number | void>): Promise<void> {
  let code: number;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    process.stderr.write(`${formatError(error)}\n`);
    code = error instanceof UsageError ? 2 : 1;
  }
  try {
    const { closeDb } = await import("@/db");
    await closeDb();
  } catch {
    // The environment did not parse, so no database was opened.
  }
  process.exitCode = code;
}
