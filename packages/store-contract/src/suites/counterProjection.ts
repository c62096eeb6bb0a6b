import { type ReadModelRow, type StreamRef, streamIdOf } from "@carepanel/core"

/** The model test's tiny projection: a running total of `Added` events, with the tags last seen. */
export interface Counter {
  readonly version: number
  readonly total: number
  readonly tags: ReadonlyArray<string>
}

export const emptyCounter: Counter = { version: 0, total: 0, tags: [] }

export const project = (
  events: ReadonlyArray<{ readonly type: string; readonly data: unknown; readonly version: number }>,
  from: Counter = emptyCounter
): Counter =>
  events.reduce((counter: Counter, event): Counter => {
    const data = event.data as { by: number; tags: ReadonlyArray<string> }
    return event.type === "Added"
      ? { version: event.version, total: counter.total + data.by, tags: data.tags }
      : { version: event.version, total: counter.total, tags: counter.tags }
  }, from)

export const counterRow = (stream: StreamRef, counter: Counter): ReadModelRow => ({
  collection: "contract-model",
  authorityId: stream.authorityId,
  id: streamIdOf(stream),
  index: { kind: "counter", parity: Math.abs(counter.total) % 2 === 1 ? "odd" : "even", tags: counter.tags },
  doc: { version: counter.version, total: counter.total }
})

/** The documented filter semantics: arrays by membership of the filter's string form, scalars by `===`. */
export const matchesFilter = (row: ReadModelRow, field: string, value: string | number | boolean): boolean => {
  const indexed = row.index[field]
  return Array.isArray(indexed) ? indexed.includes(String(value)) : indexed === value
}
