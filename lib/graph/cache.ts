import { randomUUID } from "node:crypto";
import { listenAll, notifyAll } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { caseVisibleTo } from "@/lib/cases/access";
import { logger } from "@/lib/logger";

/**
 * Persona networks take seconds to compute over a large data set, so each server process keeps
 * the last result per group of people who see the same personas, shared by the networks list
 * and the dashboard. Every change that can alter a network bumps the generation in this process
 * and, through PostgreSQL NOTIFY, in every other instance on the database (on the embedded
 * database there is only this process). One computation at a time per group: callers arriving
 * while it runs wait for it (each one holds the whole graph).
 */
export const NETWORK_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 50;

let generation = 0;
interface Entry {
  value?: unknown;
  at: number;
  generation: number;
  pending?: Promise<unknown>;
}
const entries = new Map<string, Entry>();

const CHANNEL = "casework_graph_changed";
// Names this process in its notifications, so it does not count its own changes twice.
const processId = randomUUID();
let listening: "no" | "starting" | "yes" = "no";

/** Starts listening for other instances' changes (once); until it listens, nothing counts as fresh. */
function listenForChanges(): void {
  if (listening !== "no") return;
  listening = "starting";
  listenAll(
    CHANNEL,
    (from) => {
      if (from !== processId) generation++;
    },
    // (Re)connected: changes sent while not listening were missed, so take everything as changed.
    () => {
      generation++;
      listening = "yes";
    },
  ).catch((err: unknown) => {
    listening = "no";
    logger.warn({ err }, "could not listen for network changes of other instances");
  });
}

export function graphChanged(): void {
  generation++;
  notifyAll(CHANNEL, processId).catch((err: unknown) =>
    logger.warn({ err }, "could not tell other instances that networks changed"),
  );
}

/** Runs a write, then marks the graph as changed once the write has committed. */
export async function changesGraph<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  graphChanged();
  return result;
}

/** Who sees the same personas: one key for everyone who sees every case, one per other user. */
export function visibilityKey(actor: Actor): string {
  return caseVisibleTo(actor) ? `${actor.role}:${actor.id}` : "every-case";
}

function entryFor(key: string): Entry {
  let entry = entries.get(key);
  if (!entry) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, (entry = { at: 0, generation: -1 }));
  }
  return entry;
}

/** Starts a computation unless one is running; a result that a change overtook is not kept. */
function refresh<T>(entry: Entry, compute: () => Promise<T>): Promise<T> {
  if (!entry.pending) {
    const startedAt = generation;
    entry.pending = compute()
      .then((value) => {
        if (startedAt === generation) Object.assign(entry, { value, at: Date.now(), generation: startedAt });
        return value;
      })
      .finally(() => (entry.pending = undefined));
  }
  return entry.pending as Promise<T>;
}

const isFresh = (entry: Entry, maxAgeMs: number, now: number) =>
  listening === "yes" && entry.value !== undefined && entry.generation === generation && now - entry.at < maxAgeMs;

/** A result computed after the last change and less than TTL old, computing one if need be. */
export function cached<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  listenForChanges();
  const entry = entryFor(key);
  return isFresh(entry, NETWORK_CACHE_TTL_MS, now) ? Promise.resolve(entry.value as T) : refresh(entry, compute);
}

/**
 * The last result however old, for figures that may lag (the dashboard): a recomputation starts
 * in the background once it is older than `maxAgeMs` or a change came in. With nothing computed
 * yet, waits up to `waitMs` for the first result and answers null after that.
 */
export async function latest<T>(
  key: string,
  compute: () => Promise<T>,
  { maxAgeMs, waitMs }: { maxAgeMs: number; waitMs: number },
): Promise<T | null> {
  listenForChanges();
  const entry = entryFor(key);
  if (!isFresh(entry, maxAgeMs, Date.now())) refresh(entry, compute).catch(() => {});
  if (entry.value !== undefined) return entry.value as T;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
  try {
    return await Promise.race([(entry.pending as Promise<T>).catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
