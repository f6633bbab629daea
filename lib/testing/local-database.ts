/** Tests create and drop databases: refuse anything that is not on this machine. */
export function assertLocalDatabase(url: string): URL {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const local = ["localhost", "127.0.0.1", "::1", ""].includes(host) || parsed.searchParams.has("host");
  if (!local) {
    throw new Error(`Refusing to run tests against a non-local database (${host}); point DATABASE_URL at localhost.`);
  }
  return parsed;
}
