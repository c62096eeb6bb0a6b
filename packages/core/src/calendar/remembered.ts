/**
 * A pure function of one key, each answer worked out once: calendar arithmetic and formatting are asked the same few
 * thousand dates and instants again and again (every clock of an authority at each call). At `limit` entries the
 * memory starts again, so it stays bounded however long the process runs.
 */
export const remembered = <K, V>(compute: (key: K) => V, limit = 100_000): ((key: K) => V) => {
  const known = new Map<K, V>()
  return (key) => {
    const answer = known.get(key)
    if (answer !== undefined) return answer
    const computed = compute(key)
    if (known.size >= limit) known.clear()
    known.set(key, computed)
    return computed
  }
}
