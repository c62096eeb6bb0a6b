/** "1 event", "3 events", "1 access-log entry": a count as a sentence says it. */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
