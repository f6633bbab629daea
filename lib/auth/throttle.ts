import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { tokenAllowance } from "./token-allowance";

/**
 * Counters of failed sign-ins and API requests. They live in the rate_limits table, not in
 * memory, so every instance of the app counts against the same allowance.
 */

/** Failed sign-ins allowed per account and per client address in one window. */
export const SIGN_IN_FAILURES = 10;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** How long an account or address stays refused once its allowance is used up, right password or not. */
export const SIGN_IN_LOCK_SECONDS = 15 * 60;

export type ThrottleScope = "account" | "address";

/** What is counted: the case-folded email tried and the client's address. */
export interface SignInAttempt {
  email: string;
  address: string;
}

export type SignInAdmission =
  /** `exhausted`: the allowances this attempt took the last point of; they lock if it fails. */
  { allowed: true; exhausted: ThrottleScope[] } | { allowed: false; retryAfterMs: number };

function limiter(keyPrefix: string, points: number, duration: number, clearExpired = false): RateLimiterDrizzle {
  return new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix,
    points,
    duration,
    // One limiter sweeps rows expired over an hour ago for the whole table (its timer is unref'd);
    // tests never run long enough for it to matter.
    clearExpiredByTimeout: clearExpired && env.NODE_ENV !== "test",
  });
}

let limiters:
  | {
      account: RateLimiterDrizzle;
      address: RateLimiterDrizzle;
      token: RateLimiterDrizzle;
      password: RateLimiterDrizzle;
    }
  | undefined;

function getLimiters() {
  limiters ??= {
    account: limiter("sign-in:account", SIGN_IN_FAILURES, SIGN_IN_WINDOW_SECONDS, true),
    address: limiter("sign-in:address", SIGN_IN_FAILURES, SIGN_IN_WINDOW_SECONDS),
    token: limiter("api-token", env.API_TOKEN_RATE_LIMIT, 60),
    password: limiter("password-change:user", SIGN_IN_FAILURES, SIGN_IN_WINDOW_SECONDS),
  };
  return limiters;
}

function keyOf(scope: ThrottleScope, attempt: SignInAttempt): string {
  return scope === "account" ? attempt.email : attempt.address;
}

const scopes: ThrottleScope[] = ["account", "address"];

/**
 * Takes one point from the account's and the address's allowance before any password is checked.
 * Taking it first (one atomic upsert per key) means parallel guesses cannot all pass a check made
 * before the first of them failed: at most SIGN_IN_FAILURES passwords are ever tried per window.
 */
export async function admitSignIn(attempt: SignInAttempt): Promise<SignInAdmission> {
  const all = getLimiters();
  const results = await Promise.allSettled(scopes.map((s) => all[s].consume(keyOf(s, attempt))));
  const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (refusals.length === 0) {
    const exhausted = scopes.filter((_, i) => {
      const r = results[i];
      return r?.status === "fulfilled" && r.value.consumedPoints === SIGN_IN_FAILURES;
    });
    return { allowed: true, exhausted };
  }
  const store = refusals.find((r) => !(r instanceof RateLimiterRes));
  if (store) throw store;
  // A refused attempt tries no password, so it is no failure where it was still allowed.
  await Promise.all(
    scopes.map((s, i) => (results[i]?.status === "fulfilled" ? all[s].reward(keyOf(s, attempt)) : null)),
  );
  return { allowed: false, retryAfterMs: Math.max(...refusals.map((r) => (r as RateLimiterRes).msBeforeNext)) };
}

/** After the failed attempt that used up these allowances: refused for SIGN_IN_LOCK_SECONDS from now. */
export async function lockSignIn(attempt: SignInAttempt, locked: ThrottleScope[]): Promise<void> {
  const all = getLimiters();
  await Promise.all(locked.map((s) => all[s].block(keyOf(s, attempt), SIGN_IN_LOCK_SECONDS)));
}

/**
 * After the right password: the account's failures are forgotten. The address keeps its
 * failures (they may be guesses at other accounts) and only gets back this attempt's point.
 */
export async function clearSignInFailures(attempt: SignInAttempt): Promise<void> {
  const all = getLimiters();
  await Promise.all([all.account.delete(attempt.email), all.address.reward(attempt.address)]);
}

let tokenRequests: ((tokenId: string) => Promise<void>) | undefined;

/**
 * Counts one API request of a token; over API_TOKEN_RATE_LIMIT a minute it is refused (429).
 * Counted in blocks across instances (token-allowance.ts), not one write per request.
 */
export async function consumeTokenRequest(tokenId: string): Promise<void> {
  tokenRequests ??= tokenAllowance(getLimiters().token, env.API_TOKEN_RATE_LIMIT);
  try {
    await tokenRequests(tokenId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw AppError.rateLimited(`Too many requests with this API token; try again in ${seconds} seconds`, seconds);
  }
}

/**
 * Counts one attempt to change a user's password, before the current password is checked: a
 * stolen session cannot try more than SIGN_IN_FAILURES current passwords in the sign-in window.
 */
export async function consumePasswordChange(userId: string): Promise<void> {
  try {
    await getLimiters().password.consume(userId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw AppError.rateLimited(
      `Too many attempts to change the password; try again in ${Math.ceil(seconds / 60)} minutes`,
      seconds,
    );
  }
}

/** A changed password starts the count again. */
export async function clearPasswordChanges(userId: string): Promise<void> {
  await getLimiters().password.delete(userId);
}
