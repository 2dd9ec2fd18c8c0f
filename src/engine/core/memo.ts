/**
 * A pure string function that remembers its results: the engine asks for the
 * same few image names and chain hashes for every Pod, node and sync. The
 * memory lives as long as the page (across runs), so it is bounded: when full
 * it starts over, which changes nothing but the time the next calls take.
 */
export function remembering<T>(fn: (key: string) => T, limit = 4096): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    const known = results.get(key);
    if (known !== undefined) return known;
    const value = fn(key);
    if (results.size >= limit) results.clear();
    results.set(key, value);
    return value;
  };
}
