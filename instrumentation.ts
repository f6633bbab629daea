/**
 * Runs once when a Next.js server starts: migrate before the first request, on both drivers,
 * so a deploy with new migrations needs no separate step (PostgreSQL takes an advisory lock, so
 * several instances starting at once migrate one at a time). Next skips this during `next build`.
 */
export async function register(): Promise<void> {
  // The edge runtime cannot open a database; only the Node.js server migrates.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ready } = await import("@/db");
  await ready();
}
