/**
 * The one list of API paths. Route handlers live in app/api at these paths, the OpenAPI document
 * describes them (ApiOperation.path is typed by this list) and the browser builds its request
 * URLs from them through apiPath; app/api/routes.test.ts checks that the three agree.
 * Imports nothing, so client code may use it.
 */
export const apiPaths = [
  "/api/admin/settings",
  "/api/audit/verify",
  "/api/cases",
  "/api/cases/{id}",
  "/api/cases/{id}/access-requests",
  "/api/cases/{id}/access-requests/{requestId}",
  "/api/cases/{id}/activity",
  "/api/cases/{id}/evidence",
  "/api/cases/{id}/exports",
  "/api/cases/{id}/graph",
  "/api/cases/{id}/legal-review",
  "/api/cases/{id}/members",
  "/api/cases/{id}/members/{userId}",
  "/api/cases/{id}/timeline",
  "/api/cases/{id}/notes",
  "/api/cases/{id}/personas",
  "/api/cases/{id}/personas/{personaId}",
  "/api/cases/{id}/referrals",
  "/api/cases/{id}/tasks",
  "/api/cases/{id}/tasks/apply-template",
  "/api/cases/{id}/transition",
  "/api/dashboard/summary",
  "/api/directory",
  "/api/evidence/{id}",
  "/api/evidence/{id}/content",
  "/api/evidence/{id}/custody",
  "/api/evidence/{id}/hold",
  "/api/evidence/{id}/keep",
  "/api/evidence/{id}/mentions",
  "/api/evidence/{id}/text",
  "/api/evidence/{id}/verify",
  "/api/exports",
  "/api/exports/{id}",
  "/api/exports/{id}/download",
  "/api/exports/{id}/shares",
  "/api/exports/{id}/shares/{shareId}",
  "/api/health",
  "/api/health/live",
  "/api/health/ready",
  "/api/imports",
  "/api/imports/{id}",
  "/api/me",
  "/api/metrics",
  "/api/me/password",
  "/api/networks",
  "/api/notes/{id}",
  "/api/notifications",
  "/api/notifications/preferences",
  "/api/notifications/read",
  "/api/notifications/{id}/read",
  "/api/openapi.json",
  "/api/persona-links",
  "/api/persona-links/{id}",
  "/api/personas",
  "/api/personas/{id}",
  "/api/personas/{id}/candidates",
  "/api/personas/{id}/candidates/{otherId}/decision",
  "/api/personas/{id}/graph",
  "/api/personas/{id}/identifiers",
  "/api/personas/{id}/identifiers/{identifierId}",
  "/api/personas/{id}/links",
  "/api/personas/{id}/red-flags",
  "/api/personas/{id}/red-flags/{code}",
  "/api/personas/{id}/sanctions",
  "/api/personas/{id}/sanctions/dismissals",
  "/api/personas/{id}/sanctions/dismissals/{dismissalId}",
  "/api/referrals",
  "/api/referrals/queue",
  "/api/referrals/referable-cases",
  "/api/referrals/{id}",
  "/api/referrals/{id}/disclosures",
  "/api/referrals/{id}/transition",
  "/api/review/candidates",
  "/api/sanctions/lists",
  "/api/screen",
  "/api/search",
  "/api/tasks",
  "/api/tasks/{id}",
  "/api/tokens",
  "/api/tokens/{id}",
  "/api/users",
  "/api/users/{id}",
  "/api/users/{id}/password-reset",
  "/api/views",
  "/api/views/{id}",
  "/api/webhooks",
  "/api/webhooks/{id}",
  "/api/webhooks/{id}/deliveries",
  "/api/webhooks/{id}/deliveries/{deliveryId}/resend",
] as const;

export type ApiPath = (typeof apiPaths)[number];

type ParamsOf<P extends string> = P extends `${string}{${infer K}}${infer Rest}` ? K | ParamsOf<Rest> : never;
type Query = string | URLSearchParams | Record<string, string | number | boolean | null | undefined>;
type Args<P extends ApiPath> = [ParamsOf<P>] extends [never]
  ? [query?: Query]
  : [params: Record<ParamsOf<P>, string>, query?: Query];

function queryString(query: Query | undefined): string {
  if (query === undefined) return "";
  if (typeof query === "string") return query.replace(/^\?/, "");
  if (query instanceof URLSearchParams) return query.toString();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null) params.set(key, String(value));
  return params.toString();
}

/** `apiPath("/api/cases/{id}/notes", { id }, { page: 2 })` -> `/api/cases/<id>/notes?page=2`; each value URL-encoded. */
export function apiPath<P extends ApiPath>(template: P, ...args: Args<P>): string {
  const [first, second] = args as [unknown, Query | undefined];
  const hasParams = template.includes("{");
  const params = (hasParams ? first : {}) as Record<string, string>;
  const query = (hasParams ? second : first) as Query | undefined;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`apiPath: no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
  const search = queryString(query);
  return search ? `${path}?${search}` : path;
}
