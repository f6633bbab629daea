/**
 * Networks take seconds to compute over a large data set, so each server process keeps the last
 * result per user for a short while. Every change that can alter a network in this process bumps
 * the generation and so drops the cache at once; changes made by other processes show within TTL.
 */
export const NETWORK_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 50;

let generation = 0;
const entries = new Map<string, { at: number; generation: number; value: unknown }>();

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

export async function cached<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.generation === generation && now - hit.at < NETWORK_CACHE_TTL_MS) return hit.value as T;
  const startedAt = generation;
  const value = await compute();
  // A change that landed while computing makes this result stale before it is stored.
  if (startedAt === generation) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { at: now, generation, value });
  }
  return value;
}
