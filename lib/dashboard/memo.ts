/**
 * A small in-process memo with a time limit, for figures that change slowly and cost a scan
 * (the team and channel choices). Bounded, so many users cannot grow it without limit.
 */
export function memoize<T>(ttlMs: number, maxEntries = 200) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> => {
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = compute();
    // A failure is not kept: the next caller tries again.
    value.catch(() => entries.delete(key));
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { at: now, value });
    return value;
  };
}
