/*
 * The shape of one operation's call in the access matrix (app/api/access-matrix.test.ts): shared by
 * access-matrix.requests.ts and access-matrix.account-requests.ts.
 */
import type { World } from "./access-matrix.fixtures";

export type Params = Record<string, string>;
export type Body = { json: unknown } | { raw: BodyInit; type: string };

export interface RequestSpec {
  /** Path parameters for this call; defaults to the shared record the path names (see defaultParams). */
  params?: (w: World) => Params | Promise<Params>;
  query?: (w: World) => string;
  /** A minimal valid body, built per call; `null` says the operation takes none. */
  body: ((w: World) => Body | Promise<Body>) | null;
}

export const json = (value: unknown): Body => ({ json: value });
export const noBody = { body: null } as const;
