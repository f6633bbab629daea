/**
 * The client's address, for the per-address sign-in limit and the audit trail: the first
 * X-Forwarded-For entry, else X-Real-IP, else "unknown".
 *
 * Next gives route handlers and server actions no socket, so a header is all there is. The app
 * trusts the proxy in front of it (auth.ts sets trustHost), and that proxy must set the header
 * itself, not append to what the client sent. With no proxy, `next start` fills X-Forwarded-For
 * with the connection's address, but keeps one the client sent: a client that reaches the app
 * directly can then pick its address. The per-account limit does not depend on it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim();
  return address ? address.slice(0, 100) : "unknown";
}
