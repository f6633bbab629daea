import { and, asc, count, desc, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { personaVisibleTo } from "./access";
import { summaryColumns, toPersonaSummary } from "./present";
import { type PersonaListQuery, personaListQuerySchema } from "./schema";
import { escapeLike } from "@/lib/sql";
import type { PersonaList } from "./views";

const sortColumns = {
  displayName: personas.displayName,
  status: personas.status,
  riskScore: personas.riskScore,
  updatedAt: personas.updatedAt,
  createdAt: personas.createdAt,
} as const;

/** Personas the actor may see, searched by name or alias, filtered by status, sorted and paged. */
export async function listPersonas({ actor, query }: { actor: Actor; query: PersonaListQuery }): Promise<PersonaList> {
  authorize(actor, "persona:read");
  const f = parseOrThrow(personaListQuerySchema, query, "Invalid filters");
  const pattern = f.q ? `%${escapeLike(f.q)}%` : undefined;
  const conditions: (SQL | undefined)[] = [
    personaVisibleTo(actor, personas.id, { many: true }),
    f.status?.length ? inArray(personas.status, f.status) : undefined,
    pattern
      ? or(ilike(personas.displayName, pattern), sql`array_to_string(${personas.aliases}, ' ') ilike ${pattern}`)
      : undefined,
  ];
  const where = and(...conditions.filter((c): c is SQL => c !== undefined));
  const descending = f.sort.startsWith("-");
  const column = sortColumns[f.sort.replace(/^-/, "") as keyof typeof sortColumns];
  const [rows, totals] = await Promise.all([
    db
      .select(summaryColumns(actor))
      .from(personas)
      .where(where)
      .orderBy(descending ? desc(column) : asc(column), descending ? desc(personas.id) : asc(personas.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(personas).where(where),
  ]);
  return { items: rows.map(toPersonaSummary), total: totals[0]?.n ?? 0, page: f.page, pageSize: f.pageSize };
}
