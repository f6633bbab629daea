import { sql, type SQL } from "drizzle-orm";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A uuid[] as one bound parameter (an array literal), so a set of thousands of ids costs one
 * parameter rather than one each; ids are checked first, so nothing else can reach the literal.
 */
export function uuidArray(ids: Iterable<string>): SQL {
  const list = [...ids];
  for (const id of list) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${list.join(",")}}`}::uuid[]`;
}

/** A LIKE pattern's wildcards and escape character taken literally (PostgreSQL's default escape is a backslash). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
