// Any other /api/ path — a JSON 404 in the common error shape, never an HTML page.
import { errorBody } from "@/lib/errors";

function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return Response.json(errorBody("not_found", `No API route ${request.method} ${pathname}`), { status: 404 });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
