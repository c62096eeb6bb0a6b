/**
 * The parsed form of each read-model document text this process has read, so that a query returning a row whose
 * stored text is unchanged returns the same object: parsing is skipped, and the core's decode cache (keyed by that
 * object) is hit. Keyed by the text itself, not by row or time: a write from any process changes the text, and the
 * next read parses the new text; two rows with the same text share one (never mutated) object.
 *
 * Bounded in two turns of `capacity / 2` texts each: a text read again in the turn before is carried into this one;
 * one not read for two turns is dropped. A hit in this turn costs one lookup and no write, which matters at thousands
 * of rows a query (an authority's open requests, every deadlines call).
 */
export const parsedDocuments = (capacity: number) => {
  const turn = Math.max(1, Math.floor(capacity / 2))
  let current = new Map<string, unknown>()
  let previous = new Map<string, unknown>()
  const keep = (text: string, doc: unknown) => {
    if (current.size >= turn) {
      previous = current
      current = new Map()
    }
    current.set(text, doc)
    return doc
  }
  return (text: string): unknown => {
    if (current.has(text)) return current.get(text)
    if (previous.has(text)) return keep(text, previous.get(text))
    return keep(text, JSON.parse(text) as unknown)
  }
}
