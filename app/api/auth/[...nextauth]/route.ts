// GET|POST /api/auth/* — Auth.js sign-in, sign-out and session endpoints.
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { atAppOrigin } from "@/lib/auth/origin";

// At the app's own origin, so the OpenID code exchange sends the redirect_uri the sign-in sent.
// Auth.js reads only the URL, headers and body; it needs a NextRequest only when AUTH_URL is set.
export const GET = async (request: NextRequest) => handlers.GET((await atAppOrigin(request)) as NextRequest);
export const POST = async (request: NextRequest) => handlers.POST((await atAppOrigin(request)) as NextRequest);
