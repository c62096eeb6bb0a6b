/**
 * The parsed form of each read-model document this process has read, kept while its stored text is unchanged, so
 * a query that returns a row again returns the same object: parsing is skipped, and the core's decode cache (keyed
 * by that object) is hit. Keyed by content, not by time: a write from any process changes the text, and the next
 * read parses it again. The least recently read rows are dropped past `capacity`.
 */
export const parsedDocuments = (capacity: number) => {
  const entries = new Map<string, { readonly text: string; readonly doc: unknown }>()
  return (key: string, text: string): unknown => {
    const cached = entries.get(key)
    entries.delete(key)
    const entry = cached !== undefined && cached.text === text ? cached : { text, doc: JSON.parse(text) as unknown }
    entries.set(key, entry)
    if (entries.size > capacity) entries.delete(entries.keys().next().value as string)
    return entry.doc
  }
}
