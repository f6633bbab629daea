import { listenAll } from "@/db";
import { logger } from "@/lib/logger";

/**
 * Who a bearer token or a session's user is, kept per process for a few seconds, so a request
 * does not read the users and api_tokens rows before its own work every time.
 *
 * Security: a change that can take access away (revocation, expiry, role, disabling, a password
 * change or reset that ends sessions, deletion) fires a trigger on those tables (migration 0026)
 * that notifies every instance on the database at commit, whichever code or tool made the change;
 * each instance then forgets everything it kept. The time-to-live bounds how long a lost
 * notification could keep a stale answer: ACTOR_CACHE_TTL_MS. In the instance that made the
 * change it is seen by the next request (changesActors); in the others once the notification
 * arrives, milliseconds after the commit. While this process is not
 * listening (starting, or reconnecting after a dropped connection) nothing is kept, and every
 * (re)connection forgets what was kept before it, since notifications sent meanwhile are lost.
 * Case membership is not kept here: each case read checks it in its own statement.
 */
export const ACTOR_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const CHANNEL = "casework_actor_changed";

interface Entry {
  value: unknown;
  at: number;
  generation: number;
}

const entries = new Map<string, Entry>();
let generation = 0;
let listening: "no" | "starting" | "yes" = "no";

function forgetAll(): void {
  generation++;
  entries.clear();
}

function listenForChanges(): void {
  if (listening !== "no") return;
  listening = "starting";
  listenAll(CHANNEL, forgetAll, () => {
    forgetAll();
    listening = "yes";
  }).catch((err: unknown) => {
    listening = "no";
    logger.warn({ err }, "could not listen for changes to users and tokens; reading them on every request");
  });
}

/**
 * The value kept under key if it is fresh, else load()'s answer, kept when it is not null and
 * no change was announced while it loaded (a read that began before a change may hold the old rows).
 */
export async function cachedActorLookup<T>(key: string, load: () => Promise<T | null>): Promise<T | null> {
  listenForChanges();
  const hit = entries.get(key);
  if (hit && hit.generation === generation && Date.now() - hit.at < ACTOR_CACHE_TTL_MS) return hit.value as T;
  const started = generation;
  const value = await load();
  if (value !== null && listening === "yes" && started === generation) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, at: Date.now(), generation });
  }
  return value;
}

/**
 * Runs a write to users or api_tokens, then forgets at once what this process kept: the
 * trigger's notification reaches every instance a moment after the commit, but the request
 * that made the change (and the next one here) must not find the old answer in that moment.
 */
export async function changesActors<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    forgetAll();
  }
}
