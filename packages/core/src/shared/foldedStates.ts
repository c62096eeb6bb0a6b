import { streamIdOf, type StoredEvent, type StreamRef } from "../ports/EventStore.js"

/**
 * A stream's state folded up to its event `version`, with that event's position and hash: the load that uses it
 * reads that event again and folds on only if the stream still holds it (see `load`).
 */
export interface FoldedState<S> {
  /** The aggregate that folded it: another aggregate over the same stream (a test's) does not share it. */
  readonly aggregate: object
  readonly version: number
  readonly position: number
  readonly hash: string
  readonly state: S
}

/** Streams kept per event store, least recently loaded out first: the records being worked on, not the archive. */
export const foldedStatesLimit = 2_000

/**
 * The states this process folded last, per event store (a test runs many stores with the same stream ids in one
 * process) and per stream. States are never changed after they are folded (evolve returns a new state), so
 * one can be shared by every later load.
 */
const byStore = new WeakMap<object, Map<string, FoldedState<unknown>>>()

export const foldedState = <S>(store: object, aggregate: object, stream: StreamRef): FoldedState<S> | undefined => {
  const states = byStore.get(store)
  const key = streamIdOf(stream)
  const folded = states?.get(key)
  if (states === undefined || folded === undefined || folded.aggregate !== aggregate) return undefined
  states.delete(key)
  states.set(key, folded)
  return folded as FoldedState<S>
}

export const keepFoldedState = <S>(store: object, aggregate: object, stream: StreamRef, last: StoredEvent, state: S) => {
  let states = byStore.get(store)
  if (states === undefined) {
    states = new Map()
    byStore.set(store, states)
  }
  const key = streamIdOf(stream)
  states.delete(key)
  states.set(key, { aggregate, version: last.version, position: last.position, hash: last.hash, state })
  if (states.size > foldedStatesLimit) states.delete(states.keys().next().value!)
}

/** The events after a folded state, or undefined if the stream no longer holds its last event as it was. */
export const eventsAfter = (stored: ReadonlyArray<StoredEvent>, folded: FoldedState<unknown>): ReadonlyArray<StoredEvent> | undefined => {
  const last = stored[0]
  return last !== undefined && last.version === folded.version && last.position === folded.position && last.hash === folded.hash
    ? stored.slice(1)
    : undefined
}
