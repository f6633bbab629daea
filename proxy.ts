import { NextResponse, type NextRequest } from "next/server";

// Only a convenience: signed-out visitors go to the login page instead of an empty shell.
// It is never the security check; every page, route handler and action checks the actor itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but the API (which answers 401 JSON itself), the login page and static files.
  matcher: ["/((?!api/|login|_next/|favicon.ico|robots.txt).*)"],
};
