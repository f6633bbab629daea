/**
 * Networks take seconds to compute over a large data set, so each server process keeps the last
 * result per user for a short while. Every change that can alter a network in this process bumps
 * the generation and so drops the cache at once; changes made by other processes show within TTL.
 * Requests that arrive while a result is being computed wait for that computation instead of
 * starting their own (each one holds the whole graph in memory while it runs).
 */
export const NETWORK_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 50;

let generation = 0;
interface Entry {
  at: number;
  generation: number;
  value: Promise<unknown>;
}
const entries = new Map<string, Entry>();

export function graphChanged(): void {
  generation++;
  entries.clear();
}

/** Runs a write, then marks the graph as changed once the write has committed. */
export async function changesGraph<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  graphChanged();
  return result;
}

export function cached<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.generation === generation && now - hit.at < NETWORK_CACHE_TTL_MS) return hit.value as Promise<T>;
  const startedAt = generation;
  const entry: Entry = { at: now, generation, value: compute() };
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, entry);
  const drop = () => {
    if (entries.get(key) === entry) entries.delete(key);
  };
  // A failure is not kept, and a change that landed while computing makes the result stale.
  entry.value.then(() => startedAt !== generation && drop(), drop);
  return entry.value as Promise<T>;
}
