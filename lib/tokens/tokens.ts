import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { db } from "@/db";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { cachedActorLookup, changesActors } from "@/lib/auth/actor-cache";
import { authorize, can } from "@/lib/auth/policy";
import { consumeTokenRequest } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { type CreatedToken, tokenInputSchema, type TokenInput, type TokenView } from "./schema";
import { generateToken, hashToken, looksLikeToken, tokenDisplayPrefix } from "./secret";

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  userId: apiTokens.userId,
  userEmail: users.email,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
};

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  userEmail: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

// Field by field, never a spread: a whole row would hand out the token's hash and who created it.
function toTokenView(r: TokenRow): TokenView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    userId: r.userId,
    userEmail: r.userEmail,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Creates a token for the actor (or, for an admin, for another user). The secret is returned once. */
export async function createToken({ actor, input }: { actor: Actor; input: TokenInput }): Promise<CreatedToken> {
  const data = parseOrThrow(tokenInputSchema, input);
  const ownerId = data.userId ?? actor.id;
  authorize(actor, ownerId === actor.id ? "token:manage_own" : "token:manage_any");
  const token = generateToken();
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: users.id, email: users.email, disabled: users.disabled })
      .from(users)
      .where(eq(users.id, ownerId));
    if (!owner) throw AppError.notFound("User");
    if (owner.disabled) throw new AppError("conflict", "That user is disabled");
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: ownerId,
        name: data.name,
        tokenHash: hashToken(token),
        prefix: tokenDisplayPrefix(token),
        expiresAt: data.expiresAt ? new Date(data.expiresAt) : null,
        createdById: actor.id,
      })
      .returning();
    if (!row) throw new Error("token insert returned nothing");
    await recordAudit(tx, {
      actor,
      action: "token.create",
      entityType: "api_token",
      entityId: row.id,
      detail: { name: row.name, userId: ownerId, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return { ...toTokenView({ ...row, userEmail: owner.email }), token };
  });
}

/** The actor's own tokens, or every token when an admin asks for all. */
export async function listTokens({ actor, all = false }: { actor: Actor; all?: boolean }): Promise<TokenView[]> {
  if (all) authorize(actor, "token:manage_any");
  const rows = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(all ? undefined : eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt))
    .limit(1000);
  return rows.map(toTokenView);
}

export async function revokeToken({ actor, tokenId }: { actor: Actor; tokenId: string }): Promise<TokenView> {
  return changesActors(
    db.transaction(async (tx) => {
      const [row] = await tx
        .select(tokenColumns)
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.id, tokenId))
        .for("update", { of: apiTokens });
      // Someone else's token is "not found" unless the actor may manage every token.
      if (!row || (row.userId !== actor.id && !can(actor, "token:manage_any"))) throw AppError.notFound("Token");
      if (row.revokedAt) return toTokenView(row);
      const revokedAt = new Date();
      await tx.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, tokenId));
      await recordAudit(tx, {
        actor,
        action: "token.revoke",
        entityType: "api_token",
        entityId: tokenId,
        detail: { name: row.name, userId: row.userId },
      });
      return toTokenView({ ...row, revokedAt });
    }),
  );
}

/** A live token and its owner, as kept by the actor cache; expiry is judged at each use. */
interface LiveToken {
  tokenId: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  id: string;
  email: string;
  name: string;
  role: Actor["role"];
}

async function readLiveToken(tokenHash: string): Promise<LiveToken | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.disabled, false)))
    .limit(1);
  return row ?? null;
}

/**
 * The actor behind a bearer token: refused when unknown, revoked, expired, or its owner is
 * disabled (read through the actor cache, which every such change empties at once; see
 * lib/auth/actor-cache.ts). Last use is recorded at most once a minute so reads do not all
 * become writes. A valid token over its requests per minute is refused with rate_limited (429, Retry-After).
 */
export async function actorFromToken(token: string): Promise<Actor | null> {
  if (!looksLikeToken(token)) return null;
  const now = new Date();
  const tokenHash = hashToken(token);
  const row = await cachedActorLookup(`token:${tokenHash}`, () => readLiveToken(tokenHash));
  if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
  await consumeTokenRequest(row.tokenId);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    // The kept row remembers it too, so this process writes once a minute, not once per request.
    row.lastUsedAt = now;
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, row.tokenId),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000))),
        ),
      );
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, via: "token", tokenId: row.tokenId };
}
