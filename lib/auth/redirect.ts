/**
 * Where to send someone after signing in: a path of this app, else "/". The value is parsed the
 * way the browser will read it (tabs and newlines dropped, backslashes as slashes, `//host` as
 * another site) and kept only when it lands on the app's own origin; a string test such as
 * "starts with one slash" lets `/\t/evil.example` through. The answer is a path that cannot be
 * read as another host: `/.//evil.example` resolves here to the path `//evil.example`, which a
 * browser given it as a Location would take for a host, so leading slashes collapse to one.
 */
export function safeRedirectPath(value: string | null | undefined, appOrigin: string | null): string {
  if (!value || !appOrigin) return "/";
  let url: URL;
  try {
    url = new URL(value, appOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== appOrigin) return "/";
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}`;
}
